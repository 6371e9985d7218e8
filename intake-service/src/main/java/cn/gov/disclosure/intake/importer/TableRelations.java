package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.ColumnRole;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.RowRole;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.model.Cell;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table's own arithmetic, as the catalogue's roles state it, in the form the importer uses to tell cells apart
 * (run-together digits) or to fill a blank the arithmetic fixes: each relation is Σ coefficient × cell = 0.
 * <ul>
 *   <li>every row with a {@link ColumnRole#TOTAL} column: 总计 − Σ parts = 0 (Table 3's rows, Table 4's groups);</li>
 *   <li>Table 3, every column: （七）总计 − Σ results = 0;</li>
 *   <li>Table 3, every column: 一 + 二 − （七） − 四 = 0.</li>
 * </ul>
 * The validator checks the same relations after import; here they only ever decide between readings.
 */
final class TableRelations {

    /** A cell of the table by its row and column key. */
    record Slot(String row, String column) {}

    /** Σ coefficients[i] × slots[i] = 0. */
    record Relation(List<Slot> slots, List<Integer> coefficients) {
        /** The value of the relation's left side, or {@code null} when a cell is unknown. */
        BigDecimal residual(Map<Slot, BigDecimal> values) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < slots.size(); i++) {
                BigDecimal v = values.get(slots.get(i));
                if (v == null) {
                    return null;
                }
                sum = sum.add(v.multiply(BigDecimal.valueOf(coefficients.get(i))));
            }
            return sum;
        }
    }

    private TableRelations() {}

    static List<Relation> of(TableDef def) {
        List<Relation> relations = new ArrayList<>();
        for (RowDef row : def.rows()) {
            ColumnDef total = row.columns().stream()
                    .filter(c -> c.role() == ColumnRole.TOTAL)
                    .findFirst()
                    .orElse(null);
            List<ColumnDef> parts = row.columns().stream()
                    .filter(c -> c.role() == ColumnRole.PART)
                    .toList();
            if (total != null && !parts.isEmpty()) {
                List<Slot> slots = new ArrayList<>();
                List<Integer> k = new ArrayList<>();
                slots.add(new Slot(row.key(), total.key()));
                k.add(1);
                parts.forEach(p -> {
                    slots.add(new Slot(row.key(), p.key()));
                    k.add(-1);
                });
                relations.add(new Relation(slots, k));
            }
        }
        RowDef resultTotal = def.rows().stream()
                .filter(r -> r.role() == RowRole.RESULT_TOTAL)
                .findFirst()
                .orElse(null);
        if (resultTotal == null) {
            return relations;
        }
        List<RowDef> results =
                def.rows().stream().filter(r -> r.role() == RowRole.RESULT).toList();
        List<RowDef> incoming =
                def.rows().stream().filter(r -> r.role() == RowRole.INCOMING).toList();
        List<RowDef> forward = def.rows().stream()
                .filter(r -> r.role() == RowRole.CARRIED_FORWARD)
                .toList();
        for (ColumnDef c : resultTotal.columns()) {
            List<Slot> slots = new ArrayList<>();
            List<Integer> k = new ArrayList<>();
            slots.add(new Slot(resultTotal.key(), c.key()));
            k.add(1);
            results.forEach(r -> {
                slots.add(new Slot(r.key(), c.key()));
                k.add(-1);
            });
            relations.add(new Relation(slots, k));
            if (!incoming.isEmpty() && !forward.isEmpty()) {
                List<Slot> balance = new ArrayList<>();
                List<Integer> kb = new ArrayList<>();
                incoming.forEach(r -> {
                    balance.add(new Slot(r.key(), c.key()));
                    kb.add(1);
                });
                balance.add(new Slot(resultTotal.key(), c.key()));
                kb.add(-1);
                forward.forEach(r -> {
                    balance.add(new Slot(r.key(), c.key()));
                    kb.add(-1);
                });
                relations.add(new Relation(balance, kb));
            }
        }
        return relations;
    }

    /**
     * The value the arithmetic fixes for a blank cell: every relation in which it is the only unknown gives the same
     * whole number ≥ 0, and at least two independent relations do (one alone could as well be the document's
     * error). {@code null} otherwise.
     */
    static BigDecimal fixedBy(List<Relation> relations, Slot blank, Map<Slot, BigDecimal> known) {
        BigDecimal value = null;
        int agreeing = 0;
        for (Relation r : relations) {
            int at = r.slots().indexOf(blank);
            if (at < 0) {
                continue;
            }
            BigDecimal rest = BigDecimal.ZERO;
            boolean complete = true;
            for (int i = 0; i < r.slots().size(); i++) {
                if (i == at) {
                    continue;
                }
                BigDecimal v = known.get(r.slots().get(i));
                if (v == null) {
                    complete = false;
                    break;
                }
                rest = rest.add(v.multiply(BigDecimal.valueOf(r.coefficients().get(i))));
            }
            if (!complete) {
                continue;
            }
            BigDecimal v =
                    rest.negate().divide(BigDecimal.valueOf(r.coefficients().get(at)));
            if (value != null && value.compareTo(v) != 0) {
                return null;
            }
            value = v;
            agreeing++;
        }
        return agreeing >= 2 && value.signum() >= 0 && Cell.isPlausible(value) ? value : null;
    }
}

package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A rule about single cells: visits every cell of the template the report holds whose column the rule is about
 * (e.g. only MONEY columns), with its column definition. The positions of those cells are worked out once per template.
 */
abstract class CellRule extends AbstractRule {

    /** [table ordinal] → pairs (row, column) of shape positions, flattened. */
    private final Map<TemplateVersion, int[][]> positions = new EnumMap<>(TemplateVersion.class);

    protected CellRule(RuleInfo info, Predicate<ColumnDef> columns) {
        super(info);
        for (TemplateVersion t : TemplateVersion.values()) {
            Layout layout = Layout.of(t);
            int[][] byTable = new int[TableId.values().length][];
            for (TableId id : TableId.values()) {
                Layout.Shape shape = layout.shape(id);
                List<Integer> pairs = new ArrayList<>();
                for (int r = 0; r < shape.rows.size(); r++) {
                    for (int c : shape.rowColumns[r]) {
                        if (columns.test(shape.columns.get(c))) {
                            pairs.add(r);
                            pairs.add(c);
                        }
                    }
                }
                byTable[id.ordinal()] =
                        pairs.stream().mapToInt(Integer::intValue).toArray();
            }
            positions.put(t, byTable);
        }
    }

    @Override
    public final void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        int[][] byTable = positions.get(facts.layout.template);
        for (TableId id : TableId.values()) {
            if (!facts.hasTable(id)) {
                continue;
            }
            int[] pairs = byTable[id.ordinal()];
            for (int i = 0; i < pairs.length; i += 2) {
                Cell cell = facts.cell(id, pairs[i], pairs[i + 1]);
                if (cell != null && suspect(cell)) {
                    Layout.Shape shape = facts.layout.shape(id);
                    checkCell(shape.def, shape.rows.get(pairs[i]), shape.columns.get(pairs[i + 1]), cell, out);
                }
            }
        }
    }

    /** A cheap first look; only suspect cells go to {@link #checkCell}. */
    protected abstract boolean suspect(Cell cell);

    protected abstract void checkCell(TableDef table, RowDef row, ColumnDef column, Cell cell, FindingSink out);

    protected static Location at(TableDef table, RowDef row, ColumnDef column) {
        return Location.cell(table.id().section(), table.id().number(), row.key(), column.key());
    }
}

package cn.gov.disclosure.system.load;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.ColumnRole;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.RowRole;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic annual reports for load and failure runs, drawn from the template catalogue (no list of rows of its own):
 * both templates (by the reporting year), varied non-zero numbers that satisfy every numeric rule of DOMAIN.md (row
 * totals, the result total, 一 + 二 = 七 + 四, Table 4's group totals, Table 2's bounds), a narrative that states
 * Table 3's figure, and — when asked — one deliberate fault of a kind townships make. The same seed gives the same
 * report.
 */
public final class ReportGenerator {

    /** The faults a generated report can carry; {@link #NONE} for a report that passes. */
    public enum Fault {
        NONE,
        /** a row of Table 3 whose 总计 is one more than its parts (T3-ROW-TOTAL, an error) */
        ROW_TOTAL_OFF_BY_ONE,
        /** section 六 left out (SECTION-MISSING, an error) */
        SECTION_MISSING,
        /** a negative count in Table 4 (CELL-NON-NEGATIVE, an error) */
        NEGATIVE_COUNT,
        /** the narrative states another number of applications than Table 3 (a warning: still passes) */
        NARRATIVE_MISMATCH
    }

    private ReportGenerator() {}

    /**
     * @param organisationName the township's name as the report writes it
     * @param year             the reporting year (2019 and 2020: the 2019 template; from 2021: the 2021 template)
     */
    public static AnnualReport generate(long seed, String organisationName, int year, Fault fault) {
        SplittableRandom random = new SplittableRandom(seed);
        TemplateVersion template = TemplateVersion.requiredFor(year);
        ReportTable t2 = activeDisclosure(TemplateCatalogue.table(template, TableId.ACTIVE_DISCLOSURE), random);
        Applications t3 = applications(
                TemplateCatalogue.table(template, TableId.APPLICATIONS), random, fault == Fault.ROW_TOTAL_OFF_BY_ONE);
        TableDef t4Def = TemplateCatalogue.table(template, TableId.REVIEWS_AND_LITIGATION);
        ReportTable t4 = partsAndTotals(t4Def, random, fault == Fault.NEGATIVE_COUNT);
        long reconsiderations = 0;
        long lawsuits = 0;
        for (RowDef row : t4Def.rows()) {
            for (ColumnDef c : row.columns()) {
                if (c.role() == ColumnRole.TOTAL) {
                    long v = t4.value(row.key(), c.key()).longValue();
                    if (row.fullLabel().contains("诉讼") || row.fullLabel().contains("起诉")) {
                        lawsuits += v;
                    } else {
                        reconsiderations += v;
                    }
                }
            }
        }
        String t4Text = reconsiderations + lawsuits == 0
                ? "本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"
                : "本年度因政府信息公开被申请行政复议" + reconsiderations + "件，被提起行政诉讼" + lawsuits + "件。";
        long stated = fault == Fault.NARRATIVE_MISMATCH ? t3.newReceivedTotal + 3 : t3.newReceivedTotal;
        List<Section> sections = new ArrayList<>();
        for (TemplateCatalogue.SectionDef s : TemplateCatalogue.sections()) {
            if (s.key() == SectionKey.OTHER_MATTERS && fault == Fault.SECTION_MISSING) {
                continue;
            }
            sections.add(new Section(
                    s.key(),
                    s.heading(),
                    s.key() == SectionKey.REVIEWS_AND_LITIGATION
                            ? t4Text
                            : narrative(s.key(), organisationName, year, stated)));
        }
        return new AnnualReport(
                organisationName,
                year,
                template,
                organisationName + year + "年政府信息公开工作年度报告",
                sections,
                t2,
                t3.table,
                t4);
    }

    private static String narrative(SectionKey key, String organisation, int year, long applications) {
        return switch (key) {
            case OVERVIEW ->
                year + "年，" + organisation + "坚持以《中华人民共和国政府信息公开条例》为依据，"
                        + "健全工作机制，规范公开形式，深化公开内容，切实保障群众的知情权、参与权和监督权。"
                        + "本年度共收到政府信息公开申请" + applications + "件，均在法定期限内予以答复。";
            case PROBLEMS_AND_IMPROVEMENTS -> "工作人员业务水平有待提高，公开内容的及时性有待加强。下一步将加强培训，" + "完善制度，提升政府信息公开工作质量。";
            case OTHER_MATTERS -> "本年度未收取信息处理费。无其他需要报告的事项。";
            default -> "";
        };
    }

    // ------------------------------------------------------------------ Table 2

    private static ReportTable activeDisclosure(TableDef def, SplittableRandom random) {
        ReportTable.Builder b = ReportTable.builder();
        for (RowDef row : def.rows()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (ColumnDef c : row.columns()) {
                if (c.kind() == ValueKind.MONEY) {
                    // money with the unit the template states, or 万元 written in the cell; two decimals at most
                    BigDecimal amount = BigDecimal.valueOf(random.nextInt(0, 50_000), 2);
                    b.put(row.key(), c.key(), new Cell(amount, c.unit() == null ? "万元" : null));
                    continue;
                }
                long v = row.key().equals("rules")
                        ? 0 // a township makes no 规章
                        : c.kind() == ValueKind.SIGNED_COUNT ? random.nextInt(-3, 6) : skewed(random, 40);
                counts.put(c.key(), v);
            }
            // Table 2's bounds: this year's items ≥ 0, total published ≥ newly published, in force ≥ issued − repealed
            if (counts.containsKey("previousYearItems") && counts.containsKey("changeThisYear")) {
                counts.put(
                        "previousYearItems", Math.max(counts.get("previousYearItems"), -counts.get("changeThisYear")));
            }
            if (counts.containsKey("newlyPublished") && counts.containsKey("totalPublished")) {
                counts.put("totalPublished", counts.get("totalPublished") + counts.get("newlyPublished"));
            }
            if (counts.containsKey("issued") && counts.containsKey("repealed") && counts.containsKey("inForce")) {
                counts.put(
                        "inForce", counts.get("inForce") + Math.max(0, counts.get("issued") - counts.get("repealed")));
            }
            counts.forEach((col, v) -> b.put(row.key(), col, Cell.of(v)));
        }
        return b.build();
    }

    // ------------------------------------------------------------------ Table 3

    private record Applications(ReportTable table, long newReceivedTotal) {}

    private static Applications applications(TableDef def, SplittableRandom random, boolean rowTotalOff) {
        List<ColumnDef> columns = def.columns();
        Map<String, long[]> values = new LinkedHashMap<>();
        for (RowDef r : def.rows()) {
            values.put(r.key(), new long[columns.size()]);
        }
        List<RowDef> results = def.rowsWithRole(RowRole.RESULT);
        RowDef resultTotal = def.rowsWithRole(RowRole.RESULT_TOTAL).get(0);
        RowDef carriedForward = def.rowsWithRole(RowRole.CARRIED_FORWARD).get(0);
        List<RowDef> incoming = def.rowsWithRole(RowRole.INCOMING); // 一 new, 二 carried over
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).role() == ColumnRole.TOTAL) {
                continue;
            }
            // most applications come from natural persons; a township's other columns are mostly empty
            int scale = c == 0 ? 12 : 2;
            long sum = 0;
            for (RowDef r : results) {
                long v = random.nextInt(4) == 0 ? skewed(random, scale) : 0;
                values.get(r.key())[c] = v;
                sum += v;
            }
            values.get(resultTotal.key())[c] = sum;
            long forward = random.nextInt(3) == 0 ? random.nextInt(0, 3) : 0;
            long over = Math.min(sum + forward, random.nextInt(3) == 0 ? random.nextInt(0, 3) : 0);
            values.get(carriedForward.key())[c] = forward;
            values.get(incoming.get(1).key())[c] = over;
            values.get(incoming.get(0).key())[c] = sum + forward - over; // 一 + 二 = 七 + 四
        }
        int total = indexOfTotal(columns);
        for (long[] row : values.values()) {
            long s = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (c != total) {
                    s += row[c];
                }
            }
            row[total] = s;
        }
        if (rowTotalOff) {
            values.get(results.get(random.nextInt(results.size())).key())[total] += 1;
        }
        ReportTable.Builder b = ReportTable.builder();
        values.forEach((row, cells) -> {
            for (int c = 0; c < columns.size(); c++) {
                b.put(row, columns.get(c).key(), Cell.of(cells[c]));
            }
        });
        return new Applications(b.build(), values.get(incoming.get(0).key())[total]);
    }

    // ------------------------------------------------------------------ Table 4 (and any table of parts and a total)

    private static ReportTable partsAndTotals(TableDef def, SplittableRandom random, boolean negative) {
        ReportTable.Builder b = ReportTable.builder();
        boolean faultDone = !negative;
        for (RowDef row : def.rows()) {
            long sum = 0;
            ColumnDef totalColumn = null;
            for (ColumnDef c : row.columns()) {
                if (c.role() == ColumnRole.TOTAL) {
                    totalColumn = c;
                    continue;
                }
                // most townships have no case at all; a few have one or two
                long v = random.nextInt(20) == 0 ? random.nextInt(1, 3) : 0;
                if (!faultDone) {
                    v = -1;
                    faultDone = true;
                }
                sum += v;
                b.put(row.key(), c.key(), Cell.of(v));
            }
            if (totalColumn != null) {
                b.put(row.key(), totalColumn.key(), Cell.of(sum));
            }
        }
        return b.build();
    }

    private static int indexOfTotal(List<ColumnDef> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).role() == ColumnRole.TOTAL) {
                return i;
            }
        }
        throw new IllegalStateException("Table 3 has no total column");
    }

    /** Small counts are common, large ones rare: 0 … max, skewed towards 0. */
    private static long skewed(SplittableRandom random, int max) {
        double u = random.nextDouble();
        return Math.round(u * u * max);
    }
}

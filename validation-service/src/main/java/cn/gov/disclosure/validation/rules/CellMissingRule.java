package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CELL-MISSING: every row and cell the report's declared template requires is there. A missing row is one finding
 * (not one per cell); blank cells are one finding per pattern: the columns blank in the same rows together; a missing table is TABLE-MISSING's.
 */
final class CellMissingRule extends AbstractRule {

    CellMissingRule() {
        super(RuleInfo.of(
                "CELL-MISSING",
                Severity.ERROR,
                "表格须完整：模板要求的每一行、每一个单元格都须填写",
                "Each table must be complete: every row and cell of the template must be filled in"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        for (TableId id : TableId.values()) {
            if (!facts.hasTable(id)) {
                continue;
            }
            Layout.Shape shape = facts.layout.shape(id);
            TableDef def = shape.def;
            int present = 0;
            // column → the present rows that lack it, in row order
            Map<Integer, List<Integer>> gaps = new TreeMap<>();
            List<RowDef> missing = new ArrayList<>();
            for (int r = 0; r < shape.rows.size(); r++) {
                RowDef row = shape.rows.get(r);
                if (!facts.rowPresent(id, r)) {
                    missing.add(row);
                    continue;
                }
                present++;
                for (int c : shape.rowColumns[r]) {
                    if (facts.cell(id, r, c) == null) {
                        gaps.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            // One finding per pattern: the columns blank in the same rows together ("五列在全部 25 行均未填写").
            Map<List<Integer>, List<Integer>> byRows = new LinkedHashMap<>();
            gaps.forEach((c, rows) ->
                    byRows.computeIfAbsent(rows, k -> new ArrayList<>()).add(c));
            reportMissingRows(out, id, def, missing);
            int presentRows = present;
            if (byRows.size() <= MAX_PATTERNS) {
                byRows.forEach((rows, columns) -> report(out, id, shape, rows, columns, presentRows));
            } else {
                reportBlanks(out, id, shape, gaps);
            }
        }
    }

    /** More blank patterns than this in one table are summed up in one finding (column by column). */
    private static final int MAX_PATTERNS = 3;

    private void reportMissingRows(FindingSink out, TableId id, TableDef def, List<RowDef> missing) {
        if (missing.isEmpty()) {
            return;
        }
        RowDef first = missing.get(0);
        if (missing.size() == 1) {
            out.report(
                    info,
                    Location.cell(id.section(), id.number(), first.key(), null),
                    null,
                    null,
                    Labels.rowZh(def, first) + "缺失（" + first.columns().size() + "个单元格均未填写）",
                    Labels.rowEn(def, first) + " is missing");
            return;
        }
        String names = missing.stream().map(r -> "「" + Labels.row(r) + "」").collect(Collectors.joining("、"));
        out.report(
                info,
                Location.cell(id.section(), id.number(), first.key(), null),
                null,
                null,
                Labels.tableZh(def) + "缺少 " + missing.size() + " 行（各单元格均未填写）：" + names,
                Labels.tableEn(def) + " lacks " + missing.size() + " rows: "
                        + missing.stream().map(RowDef::key).collect(Collectors.joining(", ")));
    }

    /** Blank cells in many patterns: one finding naming, for each column, how many rows leave it blank. */
    private void reportBlanks(FindingSink out, TableId id, Layout.Shape shape, Map<Integer, List<Integer>> gaps) {
        TableDef def = shape.def;
        int total = gaps.values().stream().mapToInt(List::size).sum();
        String zh = gaps.entrySet().stream()
                .map(e -> "「" + Labels.column(shape.columns.get(e.getKey())) + "」列 "
                        + e.getValue().size() + " 行")
                .collect(Collectors.joining("、"));
        String en = gaps.entrySet().stream()
                .map(e -> shape.columns.get(e.getKey()).key() + " in "
                        + e.getValue().size() + " rows")
                .collect(Collectors.joining(", "));
        var firstGap = gaps.entrySet().iterator().next();
        Location at = Location.cell(
                id.section(),
                id.number(),
                shape.rows.get(firstGap.getValue().get(0)).key(),
                shape.columns.get(firstGap.getKey()).key());
        out.report(
                info,
                at,
                null,
                null,
                Labels.tableZh(def) + "共有 " + total + " 个单元格未填写：" + zh + "，请逐一填写（没有的填 0）",
                Labels.tableEn(def) + ": " + total + " cells are not filled in: " + en);
    }

    private void report(
            FindingSink out,
            TableId id,
            Layout.Shape shape,
            List<Integer> rows,
            List<Integer> columns,
            int presentRows) {
        TableDef def = shape.def;
        RowDef first = shape.rows.get(rows.get(0));
        ColumnDef firstColumn = shape.columns.get(columns.get(0));
        Location at = Location.cell(id.section(), id.number(), first.key(), firstColumn.key());
        if (rows.size() == 1 && columns.size() == 1) {
            out.report(
                    info,
                    at,
                    null,
                    null,
                    Labels.cellZh(def, first, firstColumn) + "未填写",
                    Labels.cellEn(def, first, firstColumn) + " is missing");
            return;
        }
        List<ColumnDef> cols = columns.stream().map(shape.columns::get).toList();
        String colsZh = cols.stream().map(c -> "「" + Labels.column(c) + "」").collect(Collectors.joining(""));
        String colsEn = cols.stream().map(ColumnDef::key).collect(Collectors.joining(", "));
        String rowsZh;
        String rowsEn;
        if (rows.size() == presentRows && rows.size() > 1) {
            rowsZh = "在全部 " + rows.size() + " 行";
            rowsEn = "in all " + rows.size() + " rows";
        } else {
            List<String> names = rows.stream()
                    .map(r -> "「" + Labels.row(shape.rows.get(r)) + "」")
                    .toList();
            rowsZh = "在"
                    + (names.size() <= 6
                            ? String.join("", names)
                            : String.join("", names.subList(0, 5)) + "等 " + names.size() + " 行")
                    + (names.size() <= 6 ? "行" : "");
            rowsEn = "in " + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + " ("
                    + rows.stream().map(r -> shape.rows.get(r).key()).collect(Collectors.joining(", ")) + ")";
        }
        out.report(
                info,
                at,
                null,
                null,
                Labels.tableZh(def) + colsZh + (cols.size() > 1 ? "共 " + cols.size() + " 列" : "列") + rowsZh + "均未填写（共 "
                        + rows.size() * cols.size() + " 个单元格），请逐一填写（没有的填 0）",
                Labels.tableEn(def) + ": column" + (cols.size() > 1 ? "s " : " ") + colsEn + " " + rowsEn
                        + " are not filled in (" + rows.size() * cols.size() + " cells)");
    }
}

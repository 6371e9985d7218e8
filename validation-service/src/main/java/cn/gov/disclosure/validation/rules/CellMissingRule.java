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
        super(RuleInfo.of("CELL-MISSING", Severity.ERROR,
                "表格须完整：模板要求的每一行、每一个单元格都须填写",
                "Each table must be complete: every row and cell of the template must be filled in"));
    }

    @Override
    public void check(AnnualReport report, ValidationContext ctx, FindingSink out) {
        ReportFacts facts = ReportFacts.of(report);
        for (TableId id : TableId.values()) {
            if (!facts.hasTable(id)) {
                continue;
            }
            Layout.Shape shape = facts.layout.shape(id);
            TableDef def = shape.def;
            int present = 0;
            // column → the present rows that lack it, in row order
            Map<Integer, List<Integer>> gaps = new TreeMap<>();
            for (int r = 0; r < shape.rows.size(); r++) {
                RowDef row = shape.rows.get(r);
                if (!facts.rowPresent(id, r)) {
                    out.report(info, Location.cell(id.section(), id.number(), row.key(), null), null, null,
                            Labels.rowZh(def, row) + "缺失（" + row.columns().size() + "个单元格均未填写）",
                            Labels.rowEn(def, row) + " is missing");
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
            gaps.forEach((c, rows) -> byRows.computeIfAbsent(rows, k -> new ArrayList<>()).add(c));
            int presentRows = present;
            byRows.forEach((rows, columns) -> report(out, id, shape, rows, columns, presentRows));
        }
    }

    private void report(FindingSink out, TableId id, Layout.Shape shape, List<Integer> rows, List<Integer> columns,
                        int presentRows) {
        TableDef def = shape.def;
        RowDef first = shape.rows.get(rows.get(0));
        ColumnDef firstColumn = shape.columns.get(columns.get(0));
        Location at = Location.cell(id.section(), id.number(), first.key(), firstColumn.key());
        if (rows.size() == 1 && columns.size() == 1) {
            out.report(info, at, null, null, Labels.cellZh(def, first, firstColumn) + "未填写",
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
            List<String> names = rows.stream().map(r -> "「" + Labels.row(shape.rows.get(r)) + "」").toList();
            rowsZh = "在" + (names.size() <= 6 ? String.join("", names)
                    : String.join("", names.subList(0, 5)) + "等 " + names.size() + " 行") + (names.size() <= 6 ? "行" : "");
            rowsEn = "in " + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + " ("
                    + rows.stream().map(r -> shape.rows.get(r).key()).collect(Collectors.joining(", ")) + ")";
        }
        out.report(info, at, null, null,
                Labels.tableZh(def) + colsZh + (cols.size() > 1 ? "共 " + cols.size() + " 列" : "列") + rowsZh
                        + "均未填写（共 " + rows.size() * cols.size() + " 个单元格），请逐一填写（没有的填 0）",
                Labels.tableEn(def) + ": column" + (cols.size() > 1 ? "s " : " ") + colsEn + " " + rowsEn
                        + " are not filled in (" + rows.size() * cols.size() + " cells)");
    }
}

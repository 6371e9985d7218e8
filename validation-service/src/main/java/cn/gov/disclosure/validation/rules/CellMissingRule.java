package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;

/**
 * CELL-MISSING: every row and cell the report's declared template requires is there. A missing row is one finding
 * (not one per cell); a missing table is TABLE-MISSING's.
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
            for (int r = 0; r < shape.rows.size(); r++) {
                RowDef row = shape.rows.get(r);
                if (!facts.rowPresent(id, r)) {
                    out.report(info, Location.cell(id.section(), id.number(), row.key(), null), null, null,
                            Labels.rowZh(def, row) + "缺失（" + row.columns().size() + "个单元格均未填写）",
                            Labels.rowEn(def, row) + " is missing");
                    continue;
                }
                for (int c : shape.rowColumns[r]) {
                    if (facts.cell(id, r, c) == null) {
                        ColumnDef col = shape.columns.get(c);
                        out.report(info, Location.cell(id.section(), id.number(), row.key(), col.key()), null, null,
                                Labels.cellZh(def, row, col) + "未填写",
                                Labels.cellEn(def, row, col) + " is missing");
                    }
                }
            }
        }
    }
}

package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;

/**
 * CELL-UNEXPECTED (DOMAIN.md: "no cell left unexplained"): the report holds a row or cell its declared template does
 * not have (e.g. a 2021 row in a 2019-template table).
 */
final class CellUnexpectedRule extends AbstractRule {

    CellUnexpectedRule() {
        super(RuleInfo.of(
                "CELL-UNEXPECTED",
                Severity.ERROR,
                "表格中不得有模板以外的行或单元格",
                "A table must not hold rows or cells its template does not have"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        for (ReportFacts.Unexpected u : facts.unexpected) {
            Layout.Shape shape = facts.layout.shape(u.table());
            TableDef def = shape.def;
            Location where = Location.cell(u.table().section(), u.table().number(), u.row(), u.column());
            String template = facts.layout.template.code();
            if (u.column() == null) {
                RowDef elsewhere = Layout.rowInAnyTemplate(u.table(), u.row());
                String zh = elsewhere == null
                        ? Labels.tableZh(def) + "含有" + template + "年模板中没有的行（数据键「" + u.row() + "」）"
                        : Labels.tableZh(def) + "含有另一模板的行「" + Labels.row(elsewhere) + "」，" + template + "年模板没有这一行，请按"
                                + template + "年模板的分项填写";
                out.report(
                        info,
                        where,
                        null,
                        null,
                        zh,
                        Labels.tableEn(def) + " holds row " + u.row() + ", which the " + template
                                + " template does not have");
            } else {
                RowDef row = shape.rows.get(shape.row(u.row()));
                out.report(
                        info,
                        where,
                        null,
                        null,
                        Labels.rowZh(def, row) + "含有" + template + "年模板中没有的列「" + u.column() + "」",
                        Labels.rowEn(def, row) + " holds column " + u.column() + ", which the " + template
                                + " template does not have");
            }
        }
    }
}

package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.List;

/**
 * Table 2 against the previous year, for reports whose previous year follows the same template. Two rules:
 * <ul>
 *   <li>PREV-IN-FORCE (2021): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数;</li>
 *   <li>PREV-ITEMS (2019): 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减.</li>
 * </ul>
 * The rows are the catalogue rows that have the columns concerned.
 */
final class PreviousActiveDisclosureRule extends AbstractRule {

    private final TemplateVersion template;
    private final List<RowDef> rows;

    private PreviousActiveDisclosureRule(TemplateVersion template, RuleInfo info, List<RowDef> rows) {
        super(info);
        this.template = template;
        this.rows = rows;
    }

    static PreviousActiveDisclosureRule inForce() {
        return new PreviousActiveDisclosureRule(
                TemplateVersion.T2021,
                RuleInfo.of(
                        "PREV-IN-FORCE",
                        Severity.WARNING,
                        "表2（2021年模板）：现行有效件数应等于上一年度现行有效件数加本年制发件数减本年废止件数（上一年度也用2021年模板时）",
                        "Table 2 (2021): 现行有效件数 should equal last year's 现行有效件数 + 本年制发件数 − 本年废止件数",
                        TemplateVersion.T2021),
                Layout.of(TemplateVersion.T2021)
                        .activeDisclosureRowsWith(Keys.T2_ISSUED, Keys.T2_REPEALED, Keys.T2_IN_FORCE));
    }

    static PreviousActiveDisclosureRule items() {
        return new PreviousActiveDisclosureRule(
                TemplateVersion.T2019,
                RuleInfo.of(
                        "PREV-ITEMS",
                        Severity.WARNING,
                        "表2（2019年模板）：上一年项目数量应等于上一年度报告的上一年项目数量加本年增/减",
                        "Table 2 (2019): 上一年项目数量 should equal last year's 上一年项目数量 + last year's 本年增/减",
                        TemplateVersion.T2019),
                Layout.of(TemplateVersion.T2019)
                        .activeDisclosureRowsWith(Keys.T2_PREVIOUS_YEAR_ITEMS, Keys.T2_CHANGE_THIS_YEAR));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        AnnualReport previous = PreviousYear.of(ctx);
        if (previous == null
                || Layout.templateOf(previous) != template
                || report.activeDisclosure() == null
                || previous.activeDisclosure() == null) {
            return;
        }
        ReportTable now = report.activeDisclosure();
        ReportTable then = previous.activeDisclosure();
        TableDef def = Layout.of(template).activeDisclosure;
        for (RowDef row : rows) {
            String key = row.key();
            if (template == TemplateVersion.T2021) {
                BigDecimal lastInForce = Layout.value(then, key, Keys.T2_IN_FORCE);
                BigDecimal issued = Layout.value(now, key, Keys.T2_ISSUED);
                BigDecimal repealed = Layout.value(now, key, Keys.T2_REPEALED);
                BigDecimal inForce = Layout.value(now, key, Keys.T2_IN_FORCE);
                if (lastInForce == null || issued == null || repealed == null || inForce == null) {
                    continue;
                }
                BigDecimal expected = lastInForce.add(issued).subtract(repealed);
                if (expected.compareTo(inForce) != 0) {
                    String label = row.column(Keys.T2_IN_FORCE).label();
                    out.report(
                            info,
                            at(key, Keys.T2_IN_FORCE),
                            expected,
                            inForce,
                            Labels.rowZh(def, row) + "：" + label + "为 " + Labels.num(inForce) + "，但 " + previous.year()
                                    + " 年度" + label + " " + Labels.num(lastInForce) + " + "
                                    + row.column(Keys.T2_ISSUED).label()
                                    + " " + Labels.num(issued) + " − "
                                    + row.column(Keys.T2_REPEALED).label() + " "
                                    + Labels.num(repealed) + " = " + Labels.num(expected),
                            Labels.rowEn(def, row) + ": inForce is " + Labels.num(inForce) + " but " + previous.year()
                                    + " inForce " + Labels.num(lastInForce) + " + issued " + Labels.num(issued)
                                    + " − repealed " + Labels.num(repealed) + " = " + Labels.num(expected));
                }
            } else {
                BigDecimal lastItems = Layout.value(then, key, Keys.T2_PREVIOUS_YEAR_ITEMS);
                BigDecimal lastChange = Layout.value(then, key, Keys.T2_CHANGE_THIS_YEAR);
                BigDecimal items = Layout.value(now, key, Keys.T2_PREVIOUS_YEAR_ITEMS);
                if (lastItems == null || lastChange == null || items == null) {
                    continue;
                }
                BigDecimal expected = lastItems.add(lastChange);
                if (expected.compareTo(items) != 0) {
                    String label = row.column(Keys.T2_PREVIOUS_YEAR_ITEMS).label();
                    out.report(
                            info,
                            at(key, Keys.T2_PREVIOUS_YEAR_ITEMS),
                            expected,
                            items,
                            Labels.rowZh(def, row) + "：" + label + "为 " + Labels.num(items) + "，但 " + previous.year()
                                    + " 年度" + label + " " + Labels.num(lastItems) + " + "
                                    + row.column(Keys.T2_CHANGE_THIS_YEAR).label() + " " + Labels.num(lastChange)
                                    + " = " + Labels.num(expected),
                            Labels.rowEn(def, row) + ": previousYearItems is " + Labels.num(items) + " but "
                                    + previous.year()
                                    + " previousYearItems " + Labels.num(lastItems) + " + changeThisYear "
                                    + Labels.num(lastChange) + " = " + Labels.num(expected));
                }
            }
        }
    }

    private static Location at(String row, String column) {
        return Location.cell(TableId.ACTIVE_DISCLOSURE.section(), TableId.ACTIVE_DISCLOSURE.number(), row, column);
    }
}

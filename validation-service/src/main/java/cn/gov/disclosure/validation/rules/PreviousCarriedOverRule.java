package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;

/** PREV-CARRIED-OVER: Table 3, column by column: this year's 二 (上年结转) = last year's 四 (结转下年度). */
final class PreviousCarriedOverRule extends AbstractRule {

    PreviousCarriedOverRule() {
        super(RuleInfo.of(
                "PREV-CARRIED-OVER",
                Severity.WARNING,
                "表3每一列：本年“" + Layout.of(TemplateVersion.T2021).carriedOver.label() + "”应等于上一年度“"
                        + Layout.of(TemplateVersion.T2021).carriedForward.label() + "”",
                "Table 3, every column: this year's carriedOver (二) should equal last year's carriedForward (四)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        AnnualReport previous = PreviousYear.of(ctx);
        if (previous == null || report.applications() == null || previous.applications() == null) {
            return;
        }
        Layout layout = Layout.of(report);
        Layout before = Layout.of(previous);
        for (ColumnDef col : layout.applicationColumns) {
            BigDecimal now = Layout.value(report.applications(), layout.carriedOver.key(), col.key());
            BigDecimal then = Layout.value(previous.applications(), before.carriedForward.key(), col.key());
            if (now != null && then != null && now.compareTo(then) != 0) {
                out.report(
                        info,
                        Location.cell(
                                TableId.APPLICATIONS.section(),
                                TableId.APPLICATIONS.number(),
                                layout.carriedOver.key(),
                                col.key()),
                        then,
                        now,
                        Labels.cellZh(layout.applications, layout.carriedOver, col) + "为 " + Labels.num(now) + "，但 "
                                + previous.year() + " 年度报告「" + before.carriedForward.label() + "」为 " + Labels.num(then),
                        Labels.cellEn(layout.applications, layout.carriedOver, col) + " is " + Labels.num(now)
                                + " but the " + previous.year() + " report carried forward " + Labels.num(then));
            }
        }
    }
}

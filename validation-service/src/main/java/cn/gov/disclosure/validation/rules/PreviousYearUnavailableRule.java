package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.math.BigDecimal;

/**
 * PREV-YEAR-UNAVAILABLE: a note that the cross-year checks (PREV-*) were not made because the system holds no
 * approved report of the same organ for the previous year (or holds one for another year).
 */
final class PreviousYearUnavailableRule extends AbstractRule {

    PreviousYearUnavailableRule() {
        super(RuleInfo.of(
                "PREV-YEAR-UNAVAILABLE",
                Severity.INFO,
                "系统中没有本机关上一年度已审核通过的报告，未做跨年度核对",
                "No approved report of the previous year is held; the cross-year checks were not made"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (PreviousYear.of(ctx) != null) {
            return;
        }
        int wanted = ctx.expectedYear() - 1;
        AnnualReport held = ctx.previousYearApproved().orElse(null);
        if (held == null) {
            out.report(
                    info,
                    Location.report(),
                    null,
                    null,
                    "系统中没有本机关 " + wanted + " 年度已审核通过的报告，未与上一年度核对（上年结转、现行有效件数、项目数量）",
                    "No approved " + wanted + " report of this organ is held; the cross-year checks were not made");
        } else {
            out.report(
                    info,
                    Location.report(),
                    BigDecimal.valueOf(wanted),
                    BigDecimal.valueOf(held.year()),
                    "提供的上一年度报告为 " + held.year() + " 年度，而非 " + wanted + " 年度，未做跨年度核对",
                    "The previous report supplied is for " + held.year() + ", not " + wanted
                            + "; the cross-year checks were not made");
        }
    }
}

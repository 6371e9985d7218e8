package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.math.BigDecimal;

/** YEAR-MISMATCH: the reporting year the report names is the year of the submission. */
final class YearMismatchRule extends AbstractRule {

    YearMismatchRule() {
        super(RuleInfo.of(
                "YEAR-MISMATCH",
                Severity.ERROR,
                "报告所述年度须与报送年度一致",
                "The year the report names must be the year it is submitted for"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (report.year() != ctx.expectedYear()) {
            out.report(
                    info,
                    Location.report(),
                    BigDecimal.valueOf(ctx.expectedYear()),
                    BigDecimal.valueOf(report.year()),
                    "报告所述年度为 " + report.year() + " 年，应为报送的 " + ctx.expectedYear() + " 年度",
                    "The report is for " + report.year() + " but was submitted for " + ctx.expectedYear());
        }
    }
}

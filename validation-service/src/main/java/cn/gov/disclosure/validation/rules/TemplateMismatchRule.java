package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;

/** TEMPLATE-MISMATCH: the tables follow the template the reporting year requires (2019–2020: 2019; 2021–: 2021). */
final class TemplateMismatchRule extends AbstractRule {

    TemplateMismatchRule() {
        super(
                RuleInfo.of(
                        "TEMPLATE-MISMATCH",
                        Severity.ERROR,
                        "表格须采用报告年度对应的模板（2019、2020年度用国办公开办函〔2019〕60号，2021年度起用国办公开办函〔2021〕30号）",
                        "The tables must follow the template the reporting year requires (2019 template for 2019-2020, 2021 template from 2021)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        if (report.year() < TemplateVersion.FIRST_REPORTING_YEAR) {
            out.report(
                    info,
                    Location.report(),
                    null,
                    BigDecimal.valueOf(report.year()),
                    "报告年度 " + report.year() + " 早于 " + TemplateVersion.FIRST_REPORTING_YEAR + " 年，没有对应的年度报告模板",
                    "There is no annual report template for reporting year " + report.year());
            return;
        }
        TemplateVersion required = TemplateVersion.requiredFor(report.year());
        TemplateVersion actual = report.template();
        if (actual == null) {
            out.report(
                    info,
                    Location.report(),
                    new BigDecimal(required.code()),
                    null,
                    report.year() + " 年度报告应采用 " + required.code() + " 年模板（" + required.notice() + "），但未能确定报告采用的模板",
                    "The " + report.year() + " report must follow the " + required.code()
                            + " template; the report declares none");
        } else if (actual != required) {
            out.report(
                    info,
                    Location.report(),
                    new BigDecimal(required.code()),
                    new BigDecimal(actual.code()),
                    report.year() + " 年度报告应采用 " + required.code() + " 年模板（" + required.notice() + "），实际表格采用 "
                            + actual.code() + " 年模板（" + actual.notice() + "）",
                    "The " + report.year() + " report must follow the " + required.code()
                            + " template but its tables follow the " + actual.code() + " template");
        }
    }
}

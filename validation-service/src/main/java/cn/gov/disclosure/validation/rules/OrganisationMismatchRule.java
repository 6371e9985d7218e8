package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.registry.OrganisationNames;

/** ORG-MISMATCH: the organ the report names is the organ of the submission (see {@link OrganisationNames}). */
final class OrganisationMismatchRule extends AbstractRule {

    OrganisationMismatchRule() {
        super(RuleInfo.of(
                "ORG-MISMATCH",
                Severity.ERROR,
                "报告所署机关须与报送机关一致（容许省略“人民政府”“办事处”或冠以上级行政区划名称）",
                "The organ the report names must be the submitting organ (tolerating a dropped 人民政府/办事处 or a "
                        + "prefixed higher division)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        String expected = ctx.expectedOrganisationName();
        if (expected == null || expected.isBlank()) {
            return;
        }
        String actual = report.organisationName();
        if (actual == null || actual.isBlank()) {
            out.report(
                    info,
                    Location.report(),
                    null,
                    null,
                    "报告未写明机关名称，报送机关为「" + expected + "」",
                    "The report names no organ; the submitting organ is " + expected);
        } else if (!OrganisationNames.sameOrgan(expected, actual)) {
            out.report(
                    info,
                    Location.report(),
                    null,
                    null,
                    "报告所署机关「" + actual + "」与报送机关「" + expected + "」不一致",
                    "The report names the organ '" + actual + "' but was submitted by '" + expected + "'");
        }
    }
}

package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;

/** SECTION-MISSING: each of the six sections of the catalogue must be present. */
final class SectionMissingRule extends AbstractRule {

    SectionMissingRule() {
        super(RuleInfo.of(
                "SECTION-MISSING", Severity.ERROR, "报告须包含全部六个部分", "The report must contain all six sections"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        boolean[] present = new boolean[TemplateCatalogue.sections().size()];
        for (Section s : report.sections()) {
            present[s.key().ordinal()] = true;
        }
        for (TemplateCatalogue.SectionDef def : TemplateCatalogue.sections()) {
            if (!present[def.key().ordinal()]) {
                out.report(
                        info,
                        Location.section(def.key()),
                        null,
                        null,
                        "报告缺少第" + def.key().numeral() + "部分「" + def.heading() + "」",
                        "Section " + def.key().number() + " (" + def.key().key() + ") is missing");
            }
        }
    }
}

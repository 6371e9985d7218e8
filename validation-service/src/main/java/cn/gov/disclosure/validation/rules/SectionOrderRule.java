package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;

/** SECTION-ORDER: the sections stand in the order 一 … 六, each once. */
final class SectionOrderRule extends AbstractRule {

    SectionOrderRule() {
        super(RuleInfo.of(
                "SECTION-ORDER",
                Severity.ERROR,
                "六个部分须按一至六的顺序排列，且每部分只出现一次",
                "The sections must follow the order 1 to 6, each appearing once"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        SectionKey last = null;
        boolean[] seen = new boolean[SectionKey.values().length];
        for (Section s : report.sections()) {
            SectionKey key = s.key();
            if (seen[key.ordinal()]) {
                out.report(
                        info,
                        Location.section(key),
                        null,
                        null,
                        "第" + key.numeral() + "部分「" + Labels.section(key) + "」重复出现",
                        "Section " + key.number() + " (" + key.key() + ") appears more than once");
            } else if (last != null && key.ordinal() < last.ordinal()) {
                out.report(
                        info,
                        Location.section(key),
                        null,
                        null,
                        "第" + key.numeral() + "部分「" + Labels.section(key) + "」出现在第" + last.numeral() + "部分之后，顺序有误",
                        "Section " + key.number() + " (" + key.key() + ") comes after section " + last.number());
            }
            seen[key.ordinal()] = true;
            if (last == null || key.ordinal() > last.ordinal()) {
                last = key;
            }
        }
    }
}

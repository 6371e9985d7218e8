package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;

/**
 * FEE-NOT-STATED: from the 2021 template on, section 六 must state the 信息处理费 charged (国办公开办函〔2021〕30号).
 * Accepted as stating it: the section's heading or text mentions 处理费 (信息处理费), 收费 or 费用 (未收取任何费用).
 * A missing section 六 is SECTION-MISSING's.
 */
final class FeeNotStatedRule extends AbstractRule {

    private static final String[] FEE_WORDS = {"处理费", "收费", "费用"};

    FeeNotStatedRule() {
        super(RuleInfo.of(
                "FEE-NOT-STATED",
                Severity.WARNING,
                "2021年模板起，“六、其他需要报告的事项”须说明收取信息处理费的情况",
                "From the 2021 template, section 6 must state the information processing fees charged",
                TemplateVersion.T2021));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        Section section = report.section(SectionKey.OTHER_MATTERS).orElse(null);
        if (section == null) {
            return;
        }
        String heading = section.heading() == null ? "" : section.heading();
        for (String w : FEE_WORDS) {
            if (section.text().contains(w) || heading.contains(w)) {
                return;
            }
        }
        out.report(
                info,
                Location.section(SectionKey.OTHER_MATTERS),
                null,
                null,
                "「" + Labels.section(SectionKey.OTHER_MATTERS) + "」未说明本年度收取信息处理费的情况（" + TemplateVersion.T2021.notice()
                        + "要求）",
                "Section 6 does not state the information processing fees charged (required by the 2021 template)");
    }
}

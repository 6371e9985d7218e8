package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * NARRATIVE-BREAKDOWN: a total and its breakdown (…共N条，其中…a条、…b条…) that do not add up (see {@link Breakdowns}).
 * Raised when the parts exceed the total, or fall short of it without 等 closing the list; never when some leading
 * parts (two or more) add up to the total (the list ended there), nor when a figure is approximate (余, 多, 约, 左右).
 * A single part only has to stay within the total.
 */
final class NarrativeBreakdownRule extends AbstractRule {

    NarrativeBreakdownRule() {
        super(RuleInfo.of(
                "NARRATIVE-BREAKDOWN",
                Severity.WARNING,
                "正文中总数与“其中”所列各分项之和须一致",
                "A total the narrative states must equal the sum of the parts listed after 其中"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        for (Breakdowns.Breakdown b : facts.breakdowns()) {
            if (b.approximate()) {
                continue;
            }
            BigDecimal total = b.total().value();
            BigDecimal sum = b.partsSum();
            boolean wrong;
            if (b.parts().size() == 1) {
                wrong = sum.compareTo(total) > 0;
            } else {
                wrong = !b.prefixAddsUp() && (sum.compareTo(total) > 0 || sum.compareTo(total) < 0 && !b.openEnded());
            }
            if (wrong) {
                String unit = String.valueOf(b.total().unit());
                String terms = b.parts().stream()
                        .map(p -> Labels.num(p.count().value()))
                        .collect(Collectors.joining("+"));
                out.report(
                        info,
                        Location.sentence(b.section(), b.sentence()),
                        total,
                        sum,
                        "正文所述总数为 " + Labels.num(total) + unit + "，但“其中”所列 "
                                + b.parts().size() + " 项之和为 " + terms + " = " + Labels.num(sum) + unit + "（「" + b.lead()
                                + "」）",
                        "The narrative states a total of " + Labels.num(total) + " but the "
                                + b.parts().size() + " parts listed after 其中 add up to " + Labels.num(sum));
            }
        }
    }
}

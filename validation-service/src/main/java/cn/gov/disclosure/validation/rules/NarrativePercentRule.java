package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NARRATIVE-PERCENT: a part's stated percentage (…10条，占10.99%) against its count over the stated total (see
 * {@link Breakdowns}). Correct when it is the exact share rounded (half up or half even) or truncated to the
 * decimals written: 10/91 = 10.989… may be written 10.99% or 10.98%, 4/91 = 4.395… may be written 4.4% or 4.40%.
 * Shares over the sum of the parts are accepted too (when the parts do not add up to the total, some reports
 * divide by their sum).
 */
final class NarrativePercentRule extends AbstractRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    NarrativePercentRule() {
        super(
                RuleInfo.of(
                        "NARRATIVE-PERCENT",
                        Severity.WARNING,
                        "正文中各分项所占百分比须与其数量占总数的比例相符（按所写小数位四舍五入或截断）",
                        "A stated percentage must match the part's count over the stated total (rounded or truncated to the decimals written)"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        for (Breakdowns.Breakdown b : facts.breakdowns()) {
            BigDecimal total = b.total().value();
            if (b.total().approximate() || total.signum() <= 0) {
                continue;
            }
            BigDecimal sum = b.partsSum();
            for (Breakdowns.Part part : b.parts()) {
                Narrative.Percent p = part.percent();
                if (p == null || part.count().approximate()) {
                    continue;
                }
                BigDecimal count = part.count().value();
                if (matches(count, total, p)
                        || sum.compareTo(total) != 0 && sum.signum() > 0 && matches(count, sum, p)) {
                    continue;
                }
                BigDecimal expected =
                        share(count, total, p.decimals() + 8).setScale(p.decimals(), RoundingMode.HALF_UP);
                String unit = String.valueOf(part.count().unit());
                out.report(
                        info,
                        Location.sentence(b.section(), part.clause()),
                        expected,
                        p.value(),
                        "「" + part.clause() + "」：" + Labels.num(count) + unit + "占总数 " + Labels.num(total) + unit
                                + " 的 " + expected.toPlainString() + "%，正文写作 "
                                + p.value().toPlainString() + "%",
                        "\"" + part.clause() + "\": " + Labels.num(count) + " of " + Labels.num(total) + " is "
                                + expected.toPlainString() + "%, the narrative states "
                                + p.value().toPlainString() + "%");
            }
        }
    }

    /** Whether {@code p} is count/total as a percentage, rounded or truncated to the decimals written. */
    static boolean matches(BigDecimal count, BigDecimal total, Narrative.Percent p) {
        int d = p.decimals();
        BigDecimal exact = share(count, total, d + 8);
        BigDecimal stated = p.value();
        if (exact.setScale(d, RoundingMode.HALF_UP).compareTo(stated) == 0
                || exact.setScale(d, RoundingMode.HALF_EVEN).compareTo(stated) == 0) {
            return true;
        }
        return exact.setScale(d, RoundingMode.DOWN).compareTo(stated) == 0;
    }

    private static BigDecimal share(BigDecimal count, BigDecimal total, int scale) {
        return count.multiply(HUNDRED).divide(total, scale, RoundingMode.HALF_EVEN);
    }
}

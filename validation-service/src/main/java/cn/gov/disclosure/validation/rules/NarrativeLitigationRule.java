package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.math.BigDecimal;
import java.util.List;

/**
 * NARRATIVE-LITIGATION: the narrative against Table 4.
 * <ul>
 *   <li>Table 4 is not all zero but no section's text mentions 复议 or 诉讼;</li>
 *   <li>a clause says there was none (未发生/没有/无/不存在 … 行政复议/行政诉讼) while the table counts some;</li>
 *   <li>a clause states a number right after the key word (被申请行政复议2件, 行政诉讼案件共1起) that differs from the table.</li>
 * </ul>
 * 复议 counts the rows of Table 4 whose label does not mention 诉讼 (行政复议); 诉讼 the others (the table's
 * "行政诉讼" rows, including 复议后起诉). 未经复议 and 复议后起诉 belong to litigation, not to 复议.
 */
final class NarrativeLitigationRule extends AbstractRule {

    /** How far before 复议/诉讼 a negation may stand (未发生因政府信息公开工作被申请行政复议: 16). */
    private static final int NEGATION_REACH = 20;

    NarrativeLitigationRule() {
        super(RuleInfo.of(
                "NARRATIVE-LITIGATION",
                Severity.WARNING,
                "正文关于行政复议、行政诉讼的表述须与表4一致（表4不为零时正文应有说明，正文称未发生时表4应为零）",
                "What the narrative says about 行政复议/行政诉讼 must match Table 4"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        ReportTable data = report.reviewsAndLitigation();
        if (data == null) {
            return;
        }
        Layout layout = Layout.of(report);
        BigDecimal reconsideration = total(data, layout.reconsiderationRows, layout);
        BigDecimal litigation = total(data, layout.litigationRows, layout);
        BigDecimal all = reconsideration.add(litigation);
        boolean mentioned = false;
        for (Section section : report.sections()) {
            String text = section.text();
            int from = 0;
            while (true) {
                int r = text.indexOf("复议", from);
                int l = firstOf(text, from, "诉讼", "起诉");
                int idx = r < 0 ? l : l < 0 ? r : Math.min(r, l);
                if (idx < 0) {
                    break;
                }
                mentioned = true;
                int cs = Narrative.clauseStart(text, idx);
                int ce = Narrative.clauseEnd(text, idx);
                checkClause(section.key(), text, cs, ce, report.year(), reconsideration, litigation, out);
                from = Math.max(ce, idx + 2);
            }
        }
        if (!mentioned && all.signum() > 0) {
            out.report(
                    info,
                    Location.section(SectionKey.REVIEWS_AND_LITIGATION),
                    all,
                    null,
                    "表4共有行政复议 " + Labels.num(reconsideration) + " 件、行政诉讼 " + Labels.num(litigation)
                            + " 件，但正文没有任何关于行政复议或行政诉讼的说明",
                    "Table 4 counts " + Labels.num(reconsideration) + " reconsiderations and " + Labels.num(litigation)
                            + " lawsuits but no text mentions 复议 or 诉讼");
        }
    }

    private void checkClause(
            SectionKey section,
            String text,
            int cs,
            int ce,
            int year,
            BigDecimal reconsideration,
            BigDecimal litigation,
            FindingSink out) {
        if (Narrative.mentionsOtherYear(text, cs, ce, year)) {
            return;
        }
        // 未经复议直接起诉 and 复议后起诉 are lawsuits: blank them out before looking for 复议 itself
        String clause = text.substring(cs, ce).replace("未经复议", "直接").replace("复议后起诉", "复后起诉");
        int r = clause.indexOf("复议");
        int l = firstOf(clause, 0, "诉讼", "起诉");
        if (r < 0 && l < 0) {
            return;
        }
        int first = r < 0 ? l : l < 0 ? r : Math.min(r, l);
        boolean none = negated(clause, first);
        if (r >= 0) {
            BigDecimal stated = none ? BigDecimal.ZERO : countAfter(clause, r);
            compare(section, text, cs, ce, stated, reconsideration, "行政复议", "reconsiderations", out);
        }
        if (l >= 0) {
            BigDecimal stated = none ? BigDecimal.ZERO : countAfter(clause, l);
            compare(section, text, cs, ce, stated, litigation, "行政诉讼", "lawsuits", out);
        }
    }

    /** A count right after the key word (行政复议2件, 行政诉讼案件共1起), not one of the outcomes (维持1件). */
    private static BigDecimal countAfter(String clause, int keyword) {
        int from = keyword + 2;
        int to = Math.min(clause.length(), from + 8);
        List<Narrative.Count> counts = Narrative.counts(clause, from, to, "件起");
        if (counts.isEmpty()) {
            return null;
        }
        Narrative.Count c = counts.get(0);
        String between = clause.substring(from, c.start());
        if (c.approximate()
                || between.contains("维持")
                || between.contains("纠正")
                || between.contains("结果")
                || between.contains("审结")
                || between.contains("其中")
                || between.contains("复议")
                || between.contains("诉讼")
                || between.contains("、")) {
            return null;
        }
        return c.value();
    }

    private void compare(
            SectionKey section,
            String text,
            int cs,
            int ce,
            BigDecimal stated,
            BigDecimal expected,
            String whatZh,
            String whatEn,
            FindingSink out) {
        if (stated == null || stated.compareTo(expected) == 0) {
            return;
        }
        String sentence = Narrative.sentenceAt(text, cs, ce);
        String shown = text.substring(cs, ce).strip();
        out.report(
                info,
                Location.sentence(section, sentence),
                expected,
                stated,
                "正文「" + shown + "」所述" + whatZh + "为 " + Labels.num(stated) + " 件，但表4为 " + Labels.num(expected) + " 件",
                "The narrative states " + Labels.num(stated) + " " + whatEn + " (\"" + shown + "\") but Table 4 counts "
                        + Labels.num(expected));
    }

    /** 未发生行政复议, 没有被提起行政诉讼, 无行政复议 — but not 未经 (未经复议直接起诉) nor 无论/无法. */
    private static boolean negated(String clause, int keyword) {
        for (int i = Math.max(0, keyword - NEGATION_REACH); i < keyword; i++) {
            char c = clause.charAt(i);
            if (c == '未' && !clause.startsWith("未经", i)) {
                return true;
            }
            if (c == '没' || clause.startsWith("不存在", i)) {
                return true;
            }
            if (c == '无'
                    && !(clause.startsWith("无论", i) || clause.startsWith("无法", i) || clause.startsWith("无正当", i))) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal total(ReportTable data, List<RowDef> rows, Layout layout) {
        BigDecimal sum = BigDecimal.ZERO;
        for (RowDef row : rows) {
            BigDecimal v = Layout.value(data, row.key(), layout.reviewsTotal.key());
            if (v != null) {
                sum = sum.add(v);
            }
        }
        return sum;
    }

    private static int firstOf(String text, int from, String a, String b) {
        int i = text.indexOf(a, from);
        int j = text.indexOf(b, from);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}

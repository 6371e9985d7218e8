package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.List;

/**
 * NARRATIVE-APPLICATIONS: what the narrative says about the applications received against Table 3 row 一 总计.
 * A clause (between commas) that speaks of 申请 (not only 申请人) with a receiving verb (收到, 受理, 新收, 接收, 接到)
 * states a number: the first count after the verb (共收到政府信息公开申请0件, 受理…三件), or zero when the verb is
 * negated (未收到, 没有收到, 均未受理) or the clause says 零申请. Clauses about other years (结转, 上年, 同比, 较, a year
 * other than the reporting year) are skipped. The stated number may equal 一 or 一 + 二 (some organs count the carried-over
 * applications as received). A number inside quotation marks names something (“三个一”工作机制) and is no count.
 */
final class NarrativeApplicationsRule extends AbstractRule {

    private static final String[] VERBS = {"收到", "受理", "新收", "接收", "接到"};
    private static final String[] OTHER_PERIOD = {"结转", "上年", "去年", "上一年", "同比", "较"};

    NarrativeApplicationsRule() {
        super(RuleInfo.of(
                "NARRATIVE-APPLICATIONS",
                Severity.WARNING,
                "正文所述收到政府信息公开申请的件数须与表3“"
                        + Layout.of(TemplateVersion.T2021).newReceived.label() + "”总计一致",
                "The number of applications the narrative states must match Table 3 row 一 total"));
    }

    @Override
    public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
        AnnualReport report = facts.report();
        Layout layout = Layout.of(report);
        BigDecimal received =
                Layout.value(report.applications(), layout.newReceived.key(), layout.applicationsTotal.key());
        if (received == null) {
            return;
        }
        BigDecimal carried =
                Layout.value(report.applications(), layout.carriedOver.key(), layout.applicationsTotal.key());
        BigDecimal receivedAndCarried = carried == null ? received : received.add(carried);
        for (Section section : report.sections()) {
            String text = section.text();
            int idx = text.indexOf("申请");
            while (idx >= 0) {
                int cs = Narrative.clauseStart(text, idx);
                int ce = Narrative.clauseEnd(text, idx);
                BigDecimal stated = stated(text, cs, ce, report.year());
                if (stated != null && stated.compareTo(received) != 0 && stated.compareTo(receivedAndCarried) != 0) {
                    String sentence = Narrative.sentenceAt(text, cs, ce);
                    String clause = text.substring(cs, ce).strip();
                    out.report(
                            info,
                            Location.sentence(section.key(), sentence),
                            received,
                            stated,
                            "正文「" + clause + "」所述申请数为 " + Labels.num(stated) + " 件，但表3「" + layout.newReceived.label()
                                    + "」总计为 " + Labels.num(received) + " 件",
                            "The narrative states " + Labels.num(stated) + " applications received (\"" + clause
                                    + "\") but Table 3 row " + layout.newReceived.key() + " total is "
                                    + Labels.num(received));
                }
                idx = text.indexOf("申请", Math.max(ce, idx + 2));
            }
        }
    }

    /** The number of applications the clause text[cs, ce) states, or {@code null} when it states none. */
    static BigDecimal stated(String text, int cs, int ce, int year) {
        if (!speaksOfApplications(text, cs, ce)) {
            return null;
        }
        int verb = -1;
        int verbLength = 0;
        for (String v : VERBS) {
            int i = Narrative.indexOf(text, v, cs, ce);
            if (i >= 0 && (verb < 0 || i < verb)) {
                verb = i;
                verbLength = v.length();
            }
        }
        if (verb < 0
                || Narrative.containsAny(text, cs, ce, OTHER_PERIOD)
                || Narrative.mentionsOtherYear(text, cs, ce, year)) {
            return null;
        }
        if (negated(text, cs, verb) || Narrative.contains(text, cs, ce, "零申请")) {
            return BigDecimal.ZERO;
        }
        List<Narrative.Count> counts = Narrative.counts(text, verb + verbLength, ce, "件个份条").stream()
                .filter(c -> !quoted(text, cs, c.start()))
                .toList();
        if (counts.isEmpty() || counts.get(0).approximate()) {
            return null;
        }
        return counts.get(0).value();
    }

    /** Whether the position stands inside quotation marks of the clause: a name (“三个一”工作机制), not a count. */
    private static boolean quoted(String text, int cs, int at) {
        int open = 0;
        for (int i = cs; i < at; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '「' || c == '『') {
                open++;
            } else if ((c == '”' || c == '」' || c == '』') && open > 0) {
                open--;
            }
        }
        return open > 0;
    }

    private static boolean speaksOfApplications(String text, int cs, int ce) {
        int i = Narrative.indexOf(text, "申请", cs, ce);
        while (i >= 0) {
            if (i + 2 >= text.length() || text.charAt(i + 2) != '人') {
                return true;
            }
            i = Narrative.indexOf(text, "申请", i + 2, ce);
        }
        return false;
    }

    /** 未收到, 没收到, 没有收到, 无收到, 均未受理, 从未接到. */
    private static boolean negated(String text, int cs, int verb) {
        if (verb - 1 >= cs && "未没无".indexOf(text.charAt(verb - 1)) >= 0) {
            return true;
        }
        return verb - 2 >= cs && text.startsWith("没有", verb - 2);
    }
}

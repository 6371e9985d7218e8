package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The "total and its breakdown" statements of the narrative: …累计主动公开信息91条…。其中机构、职能、人事类信息10条，
 * 占10.99%；…政务公开工作信息1条，占1.1%。 Each 其中 makes one breakdown:
 * <ul>
 *   <li>the total is the last count before 其中 in its sentence, or in the previous sentence when 其中 opens one;
 *       counts that are comparisons (较上年增加5条, 同比) are not totals;</li>
 *   <li>the parts are the counts with the same measure word after 其中, up to the end of the sentence or the next
 *       其中, at the bracket depth of 其中 (a bracketed sub-breakdown is not part of the list), comparisons excluded;</li>
 *   <li>each part's percentage is one written after it before the next part, after 占 or in brackets right after it.</li>
 * </ul>
 */
final class Breakdowns {

    record Part(Narrative.Count count, Narrative.Percent percent, String clause) {}

    /**
     * @param sentence  the sentence(s) from the total to the end of the list, as written (for {@code Location.sentence})
     * @param lead      a short excerpt for messages: the total's clause and the first part (…91条……其中…10条)
     */
    record Breakdown(
            SectionKey section,
            String sentence,
            String lead,
            Narrative.Count total,
            List<Part> parts,
            boolean openEnded) {

        boolean approximate() {
            return total.approximate() || parts.stream().anyMatch(p -> p.count().approximate());
        }

        BigDecimal partsSum() {
            BigDecimal s = BigDecimal.ZERO;
            for (Part p : parts) {
                s = s.add(p.count().value());
            }
            return s;
        }

        /** Whether some leading parts (at least two) add up to the total: the list ends there, what follows is other talk. */
        boolean prefixAddsUp() {
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < parts.size(); i++) {
                s = s.add(parts.get(i).count().value());
                if (i >= 1 && s.compareTo(total.value()) == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String[] COMPARISON = {"增加", "减少", "增长", "下降", "上升", "同比", "较", "比上年", "环比"};

    private Breakdowns() {}

    static List<Breakdown> of(AnnualReport report) {
        List<Breakdown> found = new ArrayList<>();
        for (Section section : report.sections()) {
            String text = section.text();
            int idx = text.indexOf("其中");
            while (idx >= 0) {
                int next = read(section.key(), text, idx, found);
                idx = text.indexOf("其中", next);
            }
        }
        return found;
    }

    /** Reads the breakdown at {@code idx}; returns where to look for the next 其中. */
    private static int read(SectionKey section, String text, int idx, List<Breakdown> out) {
        int sStart = Narrative.sentenceStart(text, idx);
        int lookFrom = sStart;
        if (onlyPunctuation(text, sStart, idx) && sStart > 0) {
            lookFrom = Narrative.sentenceStart(text, sStart - 1);
        }
        int sEnd = Narrative.sentenceEnd(text, idx + 2);
        int listEnd = sEnd;
        for (int next = Narrative.indexOf(text, "其中", idx + 2, sEnd);
                next >= 0;
                next = Narrative.indexOf(text, "其中", next + 2, sEnd)) {
            if (depth(text, idx + 2, next) <= 0) {
                listEnd = next; // a second breakdown at the same level ends this one; a bracketed one does not
                break;
            }
        }

        Narrative.Count total = lastTotal(text, lookFrom, idx);
        if (total == null) {
            return idx + 2;
        }
        String unit = String.valueOf(total.unit());
        List<Narrative.Count> candidates = Narrative.counts(text, idx + 2, listEnd, unit);
        List<Narrative.Count> parts = new ArrayList<>(candidates.size());
        for (Narrative.Count c : candidates) {
            int depth = depth(text, idx + 2, c.start());
            if (depth < 0) {
                break; // the bracket that holds 其中 has closed: the list is over
            }
            if (depth == 0 && !isComparison(text, c.start())) {
                parts.add(c);
            }
        }
        if (parts.isEmpty()) {
            return idx + 2;
        }
        List<Part> withPercents = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Narrative.Count c = parts.get(i);
            int regionEnd = i + 1 < parts.size() ? parts.get(i + 1).start() : listEnd;
            Narrative.Percent percent = percentOf(text, c, regionEnd);
            int cs = Narrative.clauseStart(text, c.start());
            int ce = percent == null ? c.end() : percent.end();
            withPercents.add(
                    new Part(c, percent, text.substring(cs, Math.max(ce, cs)).strip()));
        }
        Narrative.Count last = parts.get(parts.size() - 1);
        int after = Narrative.skipSpaces(text, last.end(), text.length());
        boolean openEnded = after < text.length() && text.charAt(after) == '等';
        int end = sEnd < text.length() && text.charAt(sEnd) != '\n' ? sEnd + 1 : sEnd;
        String sentence = text.substring(Narrative.sentenceStart(text, total.start()), end)
                .strip();
        String totalClause = text.substring(Narrative.clauseStart(text, total.start()), total.end())
                .strip();
        String firstPart = text.substring(idx, parts.get(0).end());
        String lead = totalClause + "……" + firstPart + "……";
        out.add(new Breakdown(section, sentence, lead, total, List.copyOf(withPercents), openEnded));
        return idx + 2;
    }

    /**
     * The total a 其中 refers to: the last count before it at its bracket depth or outside it (…A类50条（其中… refers
     * to 50条), comparisons excluded.
     */
    private static Narrative.Count lastTotal(String text, int from, int to) {
        int depthAtQizhong = depth(text, from, to);
        Narrative.Count total = null;
        int d = 0;
        int pos = from;
        for (Narrative.Count c : Narrative.counts(text, from, to, Narrative.COUNT_UNITS)) {
            d += depth(text, pos, c.start());
            pos = c.start();
            if (d <= depthAtQizhong && !isComparison(text, c.start())) {
                total = c;
            }
        }
        return total;
    }

    /** The percentage that belongs to a part: after 占 (占10.99%, 占比4.4%) or in brackets right after it (（10.99%）). */
    private static Narrative.Percent percentOf(String text, Narrative.Count part, int regionEnd) {
        List<Narrative.Percent> ps = Narrative.percents(text, part.end(), regionEnd);
        if (ps.isEmpty()) {
            return null;
        }
        Narrative.Percent p = ps.get(0);
        String between = text.substring(part.end(), p.start());
        if (between.contains("占")) {
            return p;
        }
        String stripped = between.strip();
        return stripped.equals("（") || stripped.equals("(") || stripped.equals("，") || stripped.equals(",") ? p : null;
    }

    /**
     * Whether the count is a comparison (较上年增加5条): a comparison word stands before it in its clause, counted
     * from the last 、 (…较上年增加2条、公告30条: 30条 is a part).
     */
    private static boolean isComparison(String text, int at) {
        int cs = Narrative.clauseStart(text, at);
        for (int k = at - 1; k > cs; k--) {
            if (text.charAt(k) == '、') {
                cs = k + 1;
                break;
            }
        }
        return Narrative.containsAny(text, cs, at, COMPARISON);
    }

    /** The bracket depth at {@code to} relative to {@code from}: +1 for each （ or (, −1 for each ） or ). */
    private static int depth(String text, int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                d++;
            } else if (c == '）' || c == ')') {
                d--;
            }
        }
        return d;
    }

    private static boolean onlyPunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }
}

package cn.gov.disclosure.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the narrative: sentences and clauses, counts (a number and its measure word: 91条, 0件, 二十三项, 2 万余份)
 * and percentages (10.99%, １０％, 百分之十). Plain string scanning, no regular expressions: the rules only look at
 * the clauses around their key words.
 */
final class Narrative {

    static final String SENTENCE_ENDS = "。！？!?\n";
    static final String CLAUSE_ENDS = "。！？!?\n，,；;：:";
    /** Measure words of counted things in the narratives (条 items, 件 cases, 项, 次, 个, 篇, 份, 起). */
    static final String COUNT_UNITS = "条件项次个篇份起";

    /** A number with its measure word. {@code approximate}: 余/多/约/近/左右 make it a rough figure. */
    record Count(BigDecimal value, char unit, int start, int end, boolean approximate) {}

    /** A percentage and the decimals it was written with. */
    record Percent(BigDecimal value, int decimals, int start, int end) {}

    private Narrative() {}

    // ---------------------------------------------------------------- sentences and clauses

    static int sentenceStart(String text, int i) {
        return boundaryBefore(text, i, SENTENCE_ENDS);
    }

    static int sentenceEnd(String text, int i) {
        return boundaryAfter(text, i, SENTENCE_ENDS);
    }

    static int clauseStart(String text, int i) {
        return boundaryBefore(text, i, CLAUSE_ENDS);
    }

    static int clauseEnd(String text, int i) {
        return boundaryAfter(text, i, CLAUSE_ENDS);
    }

    /** The sentence around position {@code i}, trimmed, its end mark included. */
    static String sentenceAt(String text, int from, int to) {
        int s = sentenceStart(text, from);
        int e = sentenceEnd(text, Math.max(from, to - 1));
        if (e < text.length() && text.charAt(e) != '\n') {
            e++;
        }
        return text.substring(s, e).strip();
    }

    private static int boundaryBefore(String text, int i, String marks) {
        for (int k = Math.min(i, text.length()) - 1; k >= 0; k--) {
            if (marks.indexOf(text.charAt(k)) >= 0) {
                return k + 1;
            }
        }
        return 0;
    }

    private static int boundaryAfter(String text, int i, String marks) {
        for (int k = Math.max(i, 0); k < text.length(); k++) {
            if (marks.indexOf(text.charAt(k)) >= 0) {
                return k;
            }
        }
        return text.length();
    }

    // ---------------------------------------------------------------- counts and percentages

    /** The counts in text[from, to) whose measure word is one of {@code units}, left to right. */
    static List<Count> counts(String text, int from, int to, String units) {
        List<Count> found = new ArrayList<>(4);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            boolean arabic = ChineseNumbers.arabicDigit(c) >= 0;
            if ((arabic || ChineseNumbers.startsChinese(c)) && !continuesNumber(text, i)) {
                ChineseNumbers.Match m = ChineseNumbers.numberAt(text, i);
                if (m != null && m.end() <= to) {
                    Count count = countAfter(text, m, to, units);
                    if (count != null) {
                        found.add(count);
                    }
                    i = m.end();
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    private static boolean continuesNumber(String text, int i) {
        if (i == 0) {
            return false;
        }
        char p = text.charAt(i - 1);
        return ChineseNumbers.arabicDigit(p) >= 0 || ChineseNumbers.isChineseNumeral(p) || p == '.' || p == '．';
    }

    private static Count countAfter(String text, ChineseNumbers.Match m, int to, String units) {
        if (m.start() > 0) {
            char before = text.charAt(m.start() - 1);
            if (before == '第' || before == '每') {
                return null; // an ordinal (第二十条) or a rate (每5日), not a count
            }
        }
        int j = skipSpaces(text, m.end(), to);
        boolean approximate = false;
        if (j < to && (text.charAt(j) == '余' || text.charAt(j) == '多')) {
            approximate = true;
            j = skipSpaces(text, j + 1, to);
        }
        if (j >= to || units.indexOf(text.charAt(j)) < 0) {
            return null;
        }
        char unit = text.charAt(j);
        int end = j + 1;
        if (end < text.length() && text.charAt(end) == '性') {
            return null; // 一次性
        }
        if (text.startsWith("左右", end) || text.startsWith("以上", end)) {
            approximate = true;
        }
        int s = m.start();
        if (s >= 1 && "约近逾超".indexOf(text.charAt(s - 1)) >= 0 || s >= 2 && text.startsWith("超过", s - 2)) {
            approximate = true;
        }
        return new Count(m.value(), unit, m.start(), end, approximate);
    }

    /** The percentages in text[from, to): 10.99%, １０％, 百分之十. */
    static List<Percent> percents(String text, int from, int to) {
        List<Percent> found = new ArrayList<>(2);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '百' && text.startsWith("百分之", i)) {
                ChineseNumbers.Match m = ChineseNumbers.numberAt(text, i + 3);
                if (m != null && m.end() <= to) {
                    found.add(new Percent(m.value(), m.decimals(), i, m.end()));
                    i = m.end();
                    continue;
                }
            } else if (ChineseNumbers.arabicDigit(c) >= 0 && !continuesNumber(text, i)) {
                ChineseNumbers.Match m = ChineseNumbers.numberAt(text, i);
                if (m != null) {
                    int j = skipSpaces(text, m.end(), to);
                    if (j < to && (text.charAt(j) == '%' || text.charAt(j) == '％')) {
                        found.add(new Percent(m.value(), m.decimals(), i, j + 1));
                        i = j + 1;
                        continue;
                    }
                    i = m.end();
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** Whether text[from, to) names a year (2019年) other than {@code year}: the clause is about another year. */
    static boolean mentionsOtherYear(String text, int from, int to, int year) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '年') {
                continue;
            }
            int k = skipSpacesBack(text, i, from);
            int digits = 0;
            int v = 0;
            while (k - 1 >= from && ChineseNumbers.arabicDigit(text.charAt(k - 1)) >= 0 && digits < 5) {
                k--;
                digits++;
            }
            if (digits == 4) {
                for (int d = k; d < k + 4; d++) {
                    v = v * 10 + ChineseNumbers.arabicDigit(text.charAt(d));
                }
                if (v != year) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether text[from, to) contains {@code word}. */
    static boolean contains(String text, int from, int to, String word) {
        return indexOf(text, word, from, to) >= 0;
    }

    /** The first index of {@code word} within text[from, to), or -1. */
    static int indexOf(String text, String word, int from, int to) {
        char first = word.charAt(0);
        int last = Math.min(to, text.length()) - word.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (text.charAt(i) == first && text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether text[from, to) contains any of {@code words}. */
    static boolean containsAny(String text, int from, int to, String... words) {
        for (String w : words) {
            if (contains(text, from, to, w)) {
                return true;
            }
        }
        return false;
    }

    static int skipSpaces(String text, int i, int to) {
        while (i < to && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpacesBack(String text, int i, int from) {
        while (i - 1 >= from && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000' || c == '\u00a0' || c == '\t';
    }
}

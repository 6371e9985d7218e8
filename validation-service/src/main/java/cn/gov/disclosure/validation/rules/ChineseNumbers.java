package cn.gov.disclosure.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as report narratives write them: Arabic digits, half- or full-width (12, １２), with thousands separators
 * (2,500) and decimals (10.99); Chinese numerals (一百二十三, 两, 十五, 一千零五, 二〇二〇, 〇/零, the financial forms
 * 壹贰叁…拾佰仟) with decimals after 点 (十点五); and either followed by 万 or 亿 (2万, 1.5万, 三万).
 * Plain Java, no regular expressions.
 */
public final class ChineseNumbers {

    /** A number found in a text: its value, where it stands ({@code start} inclusive, {@code end} exclusive), and how many
     *  decimals it was written with. */
    public record Match(BigDecimal value, int start, int end, int decimals) {}

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String FINANCIAL_DIGITS = "〇壹贰叁肆伍陆柒捌玖";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private ChineseNumbers() {}

    /** The value of {@code s} when the whole of it (trimmed) is one number; {@code null} otherwise. */
    public static BigDecimal parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        Match m = numberAt(t, 0);
        return m != null && m.end() == t.length() ? m.value() : null;
    }

    /** The number that starts exactly at {@code from}, or {@code null}. */
    public static Match numberAt(CharSequence text, int from) {
        if (from < 0 || from >= text.length()) {
            return null;
        }
        char c = text.charAt(from);
        if (arabicDigit(c) >= 0) {
            return arabicAt(text, from);
        }
        if (startsChinese(c)) {
            return chineseAt(text, from);
        }
        return null;
    }

    /** Every number in the text, left to right, none overlapping. */
    public static List<Match> findAll(CharSequence text) {
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Match m = null;
            if (arabicDigit(c) >= 0 || startsChinese(c)) {
                boolean continues =
                        i > 0 && (arabicDigit(text.charAt(i - 1)) >= 0 || isChineseNumeral(text.charAt(i - 1)));
                if (!continues) {
                    m = numberAt(text, i);
                }
            }
            if (m != null) {
                found.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        return found;
    }

    /** 0–9 for an Arabic digit, half- or full-width; -1 otherwise. */
    public static int arabicDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        return -1;
    }

    /** Whether {@code c} can be part of a Chinese numeral (digits, 十百千万亿 and their financial forms). */
    public static boolean isChineseNumeral(char c) {
        return chineseDigit(c) >= 0 || chineseUnit(c) > 0 || c == '万' || c == '亿';
    }

    /** Whether a Chinese numeral can start with {@code c}: a digit or 十/拾 (十五 = 15); not 百, 千, 万, 亿. */
    static boolean startsChinese(char c) {
        return chineseDigit(c) >= 0 || c == '十' || c == '拾';
    }

    // ---------------------------------------------------------------- Arabic

    private static Match arabicAt(CharSequence text, int from) {
        int n = text.length();
        StringBuilder digits = new StringBuilder();
        int i = from;
        while (i < n && arabicDigit(text.charAt(i)) >= 0) {
            digits.append((char) ('0' + arabicDigit(text.charAt(i))));
            i++;
        }
        // thousands groups: ",ddd" not followed by another digit
        while (i < n && text.charAt(i) == ',' && isThreeDigitGroup(text, i + 1)) {
            for (int k = 1; k <= 3; k++) {
                digits.append((char) ('0' + arabicDigit(text.charAt(i + k))));
            }
            i += 4;
        }
        int decimals = 0;
        if (i + 1 < n && (text.charAt(i) == '.' || text.charAt(i) == '．') && arabicDigit(text.charAt(i + 1)) >= 0) {
            digits.append('.');
            i++;
            while (i < n && arabicDigit(text.charAt(i)) >= 0) {
                digits.append((char) ('0' + arabicDigit(text.charAt(i))));
                decimals++;
                i++;
            }
        }
        BigDecimal value = new BigDecimal(digits.toString());
        // a multiplier right after the digits, possibly after spaces: 2万, 2 万
        int j = skipSpaces(text, i);
        if (j < n && (text.charAt(j) == '万' || text.charAt(j) == '亿')) {
            value = value.multiply(text.charAt(j) == '万' ? TEN_THOUSAND : HUNDRED_MILLION);
            i = j + 1;
        }
        return new Match(value, from, i, decimals);
    }

    private static boolean isThreeDigitGroup(CharSequence text, int at) {
        if (at + 3 > text.length()) {
            return false;
        }
        for (int k = 0; k < 3; k++) {
            if (arabicDigit(text.charAt(at + k)) < 0) {
                return false;
            }
        }
        return at + 3 == text.length() || arabicDigit(text.charAt(at + 3)) < 0;
    }

    // ---------------------------------------------------------------- Chinese

    private static int chineseDigit(char c) {
        int i = DIGITS.indexOf(c);
        if (i >= 0) {
            return i;
        }
        if (c == '两') {
            return 2;
        }
        return FINANCIAL_DIGITS.indexOf(c);
    }

    /** 10, 100, 1000 for 十/拾, 百/佰, 千/仟; 0 otherwise. */
    private static int chineseUnit(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            default -> 0;
        };
    }

    private static Match chineseAt(CharSequence text, int from) {
        int end = from;
        while (end < text.length() && isChineseNumeral(text.charAt(end))) {
            end++;
        }
        // shorten until the run parses (一二十 → 一二 → 12)
        while (end > from) {
            BigDecimal v = parseChinese(text, from, end);
            if (v != null) {
                return withChineseDecimals(text, v, from, end);
            }
            end--;
        }
        return null;
    }

    /** 十点五 = 10.5, 四点四 = 4.4: decimals after 点, digit by digit. */
    private static Match withChineseDecimals(CharSequence text, BigDecimal whole, int from, int end) {
        if (end + 1 < text.length() && text.charAt(end) == '点' && chineseDigit(text.charAt(end + 1)) >= 0) {
            StringBuilder digits = new StringBuilder(whole.toPlainString()).append('.');
            int i = end + 1;
            while (i < text.length() && chineseDigit(text.charAt(i)) >= 0) {
                digits.append((char) ('0' + chineseDigit(text.charAt(i))));
                i++;
            }
            return new Match(new BigDecimal(digits.toString()), from, i, i - end - 1);
        }
        return new Match(whole, from, end, 0);
    }

    /** Parses text[from, to) as a Chinese numeral; {@code null} when it is not a well-formed one. */
    static BigDecimal parseChinese(CharSequence text, int from, int to) {
        boolean hasUnit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (chineseUnit(c) > 0 || c == '万' || c == '亿') {
                hasUnit = true;
                break;
            }
        }
        if (!hasUnit) {
            // digit by digit: 二〇二〇, 一九; a single digit is just itself
            long v = 0;
            for (int i = from; i < to; i++) {
                int d = chineseDigit(text.charAt(i));
                if (d < 0) {
                    return null;
                }
                v = v * 10 + d;
            }
            return to - from > 18 ? null : BigDecimal.valueOf(v);
        }
        long total = 0; // completed 亿 part (and 万 part)
        long section = 0; // below 万
        long digit = -1; // the pending digit, -1 when none
        int lastUnit = Integer.MAX_VALUE; // the last 十/百/千 within the section, to reject 一十百
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int d = chineseDigit(c);
            int unit = chineseUnit(c);
            if (d >= 0) {
                if (digit > 0) {
                    return null; // two digits in a row (一二十) is not a numeral
                }
                digit = d;
            } else if (unit > 0) {
                if (unit >= lastUnit) {
                    return null;
                }
                long m = digit < 0 ? (unit == 10 ? 1 : -1) : digit;
                if (m <= 0) {
                    return null; // 百 or 零十 without a digit
                }
                section += m * unit;
                digit = -1;
                lastUnit = unit;
            } else if (c == '万') {
                long part = section + Math.max(digit, 0);
                if (part == 0 && total == 0) {
                    return null;
                }
                total += part * 10_000L;
                section = 0;
                digit = -1;
                lastUnit = Integer.MAX_VALUE;
            } else if (c == '亿') {
                long part = total + section + Math.max(digit, 0);
                if (part == 0) {
                    return null;
                }
                total = part * 100_000_000L;
                section = 0;
                digit = -1;
                lastUnit = Integer.MAX_VALUE;
            } else {
                return null;
            }
        }
        return BigDecimal.valueOf(total + section + Math.max(digit, 0));
    }

    private static int skipSpaces(CharSequence text, int i) {
        while (i < text.length()
                && (text.charAt(i) == ' ' || text.charAt(i) == '\u3000' || text.charAt(i) == '\u00a0')) {
            i++;
        }
        return i;
    }
}

package cn.gov.disclosure.intake.importer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text normalisation shared by the importer: matching keys, cleaning of narrative lines, numbers in cells. */
final class Text {

    private Text() {}

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");
    private static final Pattern LEADING_HASHES = Pattern.compile("^#+\\s*");
    private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+");
    private static final Pattern ARABIC_ENUM = Pattern.compile("^(\\d+)[、.．]");
    private static final Pattern CHINESE_ENUM = Pattern.compile("^([一二三四五六七八九十]+)[.．,，]");
    private static final Pattern ENUMERATOR = Pattern.compile("^(\\([一二三四五六七八九十\\d]+\\)|[一二三四五六七八九十]+、|\\d+\\.)");

    /** Money units a cell or a column label may state (longest first). */
    static final String MONEY_UNITS = "万元|千元|亿元|元";
    /** Words a count cell may carry after its number; they are not units of money and are dropped. */
    static final String COUNT_WORDS = "件|条|个|项|次|人|家|份";

    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?)\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(" + MONEY_UNITS + "|" + COUNT_WORDS + ")?$");
    private static final Pattern NUMBERISH =
            Pattern.compile("^[+-]?[\\d\\s.,、]*\\d[\\d\\s.,、]*(" + MONEY_UNITS + "|" + COUNT_WORDS + ")?$");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s|:：\\-—–=+_]*[-—–=_]{3,}[\\s|:：\\-—–=+_]*$");
    private static final Pattern LABEL_UNIT =
            Pattern.compile("单位[:：]?\\s*(" + MONEY_UNITS + ")|[(（]\\s*(" + MONEY_UNITS + ")\\s*[)）]");

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /**
     * The form a label is matched in: NFKC (full-width brackets, digits and punctuation to one form), no white
     * space (also inside words: 自 然 人), no quotes, markdown emphasis or heading markers, enumerators written one way
     * (1、 → 1.).
     */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        String n = nfkc(s);
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '#' && b.isEmpty()) {
                continue; // a markdown heading's markers (### 行政复议): no label starts with them
            }
            if (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == '\u200b'
                    || c == '\ufeff'
                    || c == '"'
                    || c == '\''
                    || c == '“'
                    || c == '”'
                    || c == '‘'
                    || c == '’'
                    || c == '「'
                    || c == '」'
                    || c == '*'
                    || c == '`') {
                continue;
            }
            b.append(c == '\u2212' ? '-' : c);
        }
        String k = ARABIC_ENUM.matcher(b).replaceFirst("$1.");
        return CHINESE_ENUM.matcher(k).replaceFirst("$1、");
    }

    /** The key without its leading enumerator (（一）, 一、, 1.), or the key itself when it has none. */
    static String core(String key) {
        return ENUMERATOR.matcher(key).replaceFirst("");
    }

    /** A narrative line as the golden rules keep it: trimmed, markdown markers and Word artefacts removed. */
    static String clean(String line) {
        String s = strip(BOOKMARK.matcher(line).replaceAll(""));
        s = LEADING_HASHES.matcher(s).replaceFirst("");
        s = strip(s.replace("**", ""));
        s = BULLET.matcher(s).replaceFirst("");
        return strip(s);
    }

    /** Trims white space in the wide sense: also no-break spaces (U+00A0), ideographic spaces, zero-width spaces. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isBlankChar(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlankChar(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
    }

    /** A table cell's text: trimmed, emphasis and Word artefacts removed. */
    static String cell(String cell) {
        return strip(BOOKMARK.matcher(cell).replaceAll("").replace("**", ""));
    }

    private static final Pattern BLANK_MARKER = Pattern.compile("^[-—–－/／\\\\]{1,2}$|^无$|^空$");

    /** A cell written to say it is empty: —, -, /, 无 (not a zero: the validator asks for it to be filled). */
    static boolean isBlankMarker(String cell) {
        return BLANK_MARKER.matcher(strip(cell)).matches();
    }

    static boolean isSeparator(String cell) {
        return SEPARATOR.matcher(nfkc(cell)).matches();
    }

    /** A remark in brackets after a cell's number: 351（含2023年结转5件）— words, not a second figure. */
    private static final Pattern REMARK =
            Pattern.compile("^(.*?\\d(?:" + MONEY_UNITS + "|" + COUNT_WORDS + ")?)\\s*\\(([^()]*\\p{IsHan}[^()]*)\\)$");

    private static final Pattern NUMBER_WITH_BRACKETS = Pattern.compile("^[+-]?\\d[\\d,.]*\\s*\\([^()]*\\)\\s*$");

    /** A number with something in brackets after it that is no remark ({@code 37（2）}): a value written wrongly. */
    static boolean isNumberWithBrackets(String cell) {
        return NUMBER_WITH_BRACKETS.matcher(nfkc(cell)).matches();
    }

    /** The remark in brackets after the cell's number ({@code 含2023年结转5件}), or {@code null}. */
    static String remark(String cell) {
        Matcher m = REMARK.matcher(strip(nfkc(cell)));
        return m.matches() && number(cell) != null && !strip(m.group(2)).matches(MONEY_UNITS + "|" + COUNT_WORDS)
                ? m.group(2)
                : null;
    }

    /**
     * A number as a cell states it, with the unit of money the cell names, or {@code null} when it is no number. A
     * remark in brackets after it is no part of it (351（含2023年结转5件） is 351; {@link #remark} gives the words).
     */
    static Num number(String cell) {
        String s = strip(nfkc(cell).replace('\u2212', '-'));
        Matcher remark = REMARK.matcher(s);
        if (remark.matches()) {
            String words = strip(remark.group(2));
            // （万元）, （件）: the unit in brackets, not a remark
            s = strip(remark.group(1)) + (words.matches(MONEY_UNITS + "|" + COUNT_WORDS) ? words : "");
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3));
        BigDecimal value = new BigDecimal(("-".equals(m.group(1)) ? "-" : "") + digits);
        String word = m.group(4);
        String unit = word != null && word.matches(MONEY_UNITS) ? word : null;
        return new Num(value, unit);
    }

    /** Looks like a number (digits and separators) but is none: {@code 1,2}, {@code 1.2.3}, {@code 1 2}. */
    static boolean isNumberish(String cell) {
        return NUMBERISH.matcher(strip(nfkc(cell).replace('\u2212', '-'))).matches();
    }

    /** The unit of money a column label states (本年收费金额（单位：万元）→ 万元), or {@code null}. */
    static String unitInLabel(String label) {
        Matcher m = LABEL_UNIT.matcher(nfkc(label));
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** A number read from a cell. */
    record Num(BigDecimal value, String unit) {
        boolean sameAs(Num other) {
            return value.compareTo(other.value) == 0 && Objects.equals(unit, other.unit);
        }
    }
}

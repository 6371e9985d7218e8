package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.catalogue.TableId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One cell of a table region: a label, a number, an empty cell, or something that should be a number and is not. */
record Token(Kind kind, int line, String raw, String key, Text.Num num) {

    enum Kind {
        LABEL,
        NUMBER,
        EMPTY,
        BAD_NUMBER
    }

    boolean isValue() {
        return kind != Kind.LABEL;
    }

    /**
     * The cells of the lines, in reading order. A line is split at its tabs (or at {@code |} for a markdown table
     * row); the empty cell before a leading tab is dropped (Word's copy of a table starts each cell with one),
     * separator cells ({@code ------}) are skipped.
     */
    static List<Token> of(List<SourceLine> lines, TableId table) {
        LabelIndex index = LabelIndex.INSTANCE;
        List<Token> tokens = new ArrayList<>();
        for (SourceLine line : lines) {
            List<String> cells = cells(line.text());
            boolean multi = cells.size() > 1;
            if (multi) {
                cells = labelsApartFromNumbers(cells);
            }
            int start = multi && cells.get(0).isBlank() ? 1 : 0;
            for (int j = start; j < cells.size(); j++) {
                String c = Text.cell(cells.get(j));
                if (c.isEmpty()) {
                    if (multi) {
                        tokens.add(new Token(Kind.EMPTY, line.number(), "", "", null));
                    }
                    continue;
                }
                if (Text.isSeparator(c)) {
                    continue;
                }
                if (Text.isBlankMarker(c)) {
                    tokens.add(new Token(Kind.EMPTY, line.number(), c, "", null));
                    continue;
                }
                Text.Num n = Text.number(c);
                if (n != null) {
                    tokens.add(new Token(Kind.NUMBER, line.number(), c, Text.key(c), n));
                    continue;
                }
                String key = Text.key(c);
                boolean known = index.isAnyRowPrefix(table, key)
                        || index.isKnownText(table, key)
                        || index.rowBySuffixInAny(table, key);
                String[] words = c.split("[\\s\u00a0\u3000]+");
                if (!known
                        && words.length > 1
                        && Arrays.stream(words)
                                .allMatch(w -> index.isKnownText(table, Text.key(w))
                                        || index.isAnyRowPrefix(table, Text.key(w)))) {
                    // pieces of several labels on one line (三、本年度办 （五）不予处 3.要求提供公开出版物): one token each
                    for (String w : words) {
                        tokens.add(new Token(Kind.LABEL, line.number(), w, Text.key(w), null));
                    }
                    continue;
                }
                // a number with something in brackets that is no remark (37（2）): a value the document wrote wrongly
                boolean label = known || !Text.isNumberish(c) && !Text.isNumberWithBrackets(c);
                tokens.add(new Token(label ? Kind.LABEL : Kind.BAD_NUMBER, line.number(), c, key, null));
            }
        }
        return tokens;
    }

    /**
     * A cell holding a piece of a label and then a number apart (a PDF's narrow label cell wrapped into the first value
     * cell: 政法规禁止公 0) is two cells; a cell of numbers only (1371 2, or 23 363 with a space for thousands) stays one.
     */
    private static List<String> labelsApartFromNumbers(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            List<String> parts = spaced(c);
            if (parts.size() > 1 && Text.number(parts.get(0)) == null && !Text.isBlankMarker(parts.get(0))) {
                out.addAll(parts);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the label at {@code i} is followed by a number (empty cells skipped), i.e. is a row, not a group. */
    static boolean numberFollows(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            Kind kind = tokens.get(j).kind();
            if (kind == Kind.NUMBER) {
                return true;
            }
            if (kind != Kind.EMPTY) {
                return false;
            }
        }
        return false;
    }

    static List<String> cells(String text) {
        String s = text.strip();
        if (s.startsWith("|") && s.length() > 1) {
            List<String> cells = new ArrayList<>(Arrays.asList(s.split("\\|", -1)));
            cells.remove(0);
            if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            return cells;
        }
        if (text.indexOf('\t') >= 0) {
            return Arrays.asList(text.split("\t", -1));
        }
        return spaced(text);
    }

    /**
     * A line without tabs (a PDF-to-text extraction, a clerk's own spacing): the numbers standing apart by white space
     * at the end of the line are cells of their own, the text before them one cell (规章 1 0 11 → 规章 | 1 | 0 | 11;
     * 第二十条 第（一）项 and 万元，保留 4 位小数） stay one cell).
     */
    private static List<String> spaced(String text) {
        String[] words = Text.strip(text).split("[\\s\u00a0\u3000]+");
        if (words.length <= 1) {
            return List.of(text);
        }
        // the numbers that end the line are cells; a number between words is part of the text (保留 4 位小数）
        int tail = words.length;
        while (tail > 0 && (Text.number(words[tail - 1]) != null || Text.isBlankMarker(words[tail - 1]))) {
            tail--;
        }
        List<String> cells = new ArrayList<>();
        if (tail > 0) {
            cells.add(String.join(" ", Arrays.asList(words).subList(0, tail)));
        }
        cells.addAll(Arrays.asList(words).subList(tail, words.length));
        return cells.size() == 1 ? List.of(text) : cells;
    }
}

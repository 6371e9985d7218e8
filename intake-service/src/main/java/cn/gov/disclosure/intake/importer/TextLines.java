package cn.gov.disclosure.intake.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text document as the importer's lines, with three things conversions and spreadsheets do to tables undone: an
 * HTML {@code <table>} inside Markdown or text (a converter that keeps merged cells as HTML) becomes its rows, as in
 * a page; cells an export wraps in double quotes (Excel's tab-separated text: {@code "规章"	"1"}) lose them; Markdown
 * table rows written without their outer pipes ({@code 规章 | 1 | 0 | 11} under {@code --- | ---}) get them.
 */
final class TextLines {

    private static final Pattern PIPE_SEPARATOR =
            Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?\\s*$");

    private TextLines() {}

    static List<String> read(String text) {
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<String> lines = embeddedTables(raw);
        if (quoted(lines)) {
            lines.replaceAll(TextLines::unquote);
        }
        if (lines.stream().anyMatch(l -> PIPE_SEPARATOR.matcher(l).matches())) {
            lines.replaceAll(TextLines::withOuterPipes);
        }
        return lines;
    }

    /** The lines with each HTML table (from {@code <table} to its own {@code </table>}) replaced by its rows. */
    private static List<String> embeddedTables(String[] raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder table = null;
        int depth = 0;
        for (String line : raw) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (table == null) {
                int at = lower.indexOf("<table");
                if (at < 0) {
                    lines.add(line);
                    continue;
                }
                if (!line.substring(0, at).isBlank()) {
                    lines.add(line.substring(0, at));
                }
                table = new StringBuilder();
                line = line.substring(at);
                lower = lower.substring(at);
            }
            depth += DocumentFormat.countOf(lower, "<table") - DocumentFormat.countOf(lower, "</table");
            table.append(line).append('\n');
            if (depth <= 0) {
                lines.addAll(HtmlLines.read(table.toString()));
                table = null;
                depth = 0;
            }
        }
        if (table != null) {
            lines.addAll(table.toString().lines().toList()); // no end: kept as it came
        }
        return lines;
    }

    /** Whether the cells are quoted the spreadsheet way: at least a third of the non-blank lines start with a quote. */
    private static boolean quoted(List<String> lines) {
        long filled = lines.stream().filter(l -> !l.isBlank()).count();
        long quoted = lines.stream().filter(l -> l.strip().startsWith("\"")).count();
        return filled > 0 && quoted * 3 >= filled;
    }

    private static String unquote(String line) {
        String[] cells = line.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                cells[i] = c.substring(1, c.length() - 1).replace("\"\"", "\"");
            }
        }
        return String.join("\t", cells);
    }

    private static String withOuterPipes(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("|") || s.indexOf('|') < 0) {
            return line;
        }
        return "| " + s + (s.endsWith("|") ? "" : " |");
    }
}

package cn.gov.disclosure.intake.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * An HTML page (a government portal's page of the report, or a fragment) as the importer's line model. The report
 * is found inside the site's chrome: the nearest element around all report tables that also holds the text before
 * them (总体情况); navigation, scripts and styles are left out. Block elements ({@code <p>}, {@code <div>},
 * {@code <br>}, headings) make lines; a table row makes one line with its cells separated by tabs, a cell's
 * paragraphs joined with nothing, rowspan and colspan resolved through the table's grid so a blank value cell stays
 * in its column; {@code &nbsp;} is a space. A table whose cells hold tables is layout: its cells are read as blocks.
 */
final class HtmlLines {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "dl",
            "dt",
            "dd",
            "center",
            "form",
            "tbody",
            "thead",
            "caption",
            "hr");

    private HtmlLines() {}

    static List<String> read(String html) {
        if (html.contains("\\\"") && html.contains("<t")) {
            // HTML kept in a JavaScript string: its quotes and slashes escaped
            html = html.replace("\\\"", "\"")
                    .replace("\\/", "/")
                    .replace("\\n", "\n")
                    .replace("\\t", " ");
        }
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, iframe, object, embed, template, select, button, input, textarea, svg")
                .remove();
        // a page's chrome: navigation, the site's header and footer (also a footer inside the article: 依据…格式编制)
        doc.select("nav, footer, aside, header:not(:has(h1))").remove();
        Element root = reportRoot(doc);
        List<String> lines = new ArrayList<>();
        String title = titleBefore(doc, root);
        if (title != null) {
            lines.add(title);
        }
        StringBuilder line = new StringBuilder();
        walk(root, line, lines);
        flush(line, lines);
        return lines;
    }

    /** The element that holds the report: around its tables, widened until it also holds section 一. */
    private static Element reportRoot(Document doc) {
        Element body = doc.body();
        Elements tables = doc.select("table");
        List<Element> report = new ArrayList<>();
        for (Element t : tables) {
            String text = t.text();
            if (t.select("table").size() == 1
                    && (text.contains("本年新收")
                            || text.contains("予以公开")
                            || text.contains("结果维持")
                            || text.contains("第二十条")
                            || text.contains("行政复议"))) {
                report.add(t);
            }
        }
        if (report.isEmpty()) {
            return body;
        }
        Element root = report.get(0);
        for (Element t : report) {
            root = commonAncestor(root, t);
        }
        while (root != body && root.parent() != null && !root.text().contains("总体情况")) {
            root = root.parent();
        }
        return root;
    }

    private static Element commonAncestor(Element a, Element b) {
        List<Element> up = new ArrayList<>();
        for (Element e = a; e != null; e = e.parent()) {
            up.add(e);
        }
        for (Element e = b; e != null; e = e.parent()) {
            if (up.contains(e)) {
                return e;
            }
        }
        return a.ownerDocument().body();
    }

    /**
     * The report's title when it stands outside the report's element (a portal prints it in its own header): the
     * last heading-like element before the root naming a year and 报告, else the page's {@code <title>} up to the site
     * name.
     */
    private static String titleBefore(Document doc, Element root) {
        if (root == doc.body() || root.text().matches("(?s).{0,200}\\d{4}\\s*年.{0,40}报告.*")) {
            return null;
        }
        String found = null;
        for (Element e : doc.body().select("h1, h2, h3, .title, [class*=title], [id*=title]")) {
            if (root.equals(e) || e.parents().contains(root) || !precedes(e, root)) {
                continue;
            }
            String t = e.text().strip();
            if (t.length() <= 80 && t.matches(".*\\d{4}\\s*年.*") && t.contains("报告")) {
                found = t;
            }
        }
        if (found == null) {
            String t = doc.title().split("[_|｜—-]")[0].strip();
            if (t.matches(".*\\d{4}\\s*年.*") && t.contains("报告")) {
                found = t;
            }
        }
        return found;
    }

    private static boolean precedes(Element a, Element b) {
        Node n = a;
        while (n != null) {
            Node next = n.nextSibling();
            while (next == null && n.parent() != null) {
                n = n.parent();
                next = n.nextSibling();
            }
            n = next;
            if (n == b || n instanceof Element e && e.getAllElements().contains(b)) {
                return true;
            }
        }
        return false;
    }

    private static void walk(Node node, StringBuilder line, List<String> lines) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                line.append(t.getWholeText().replace('\u00a0', ' ').replaceAll("[\\r\\n\\t]+", " "));
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if ("table".equals(tag)) {
                    flush(line, lines);
                    table(e, lines);
                } else if ("br".equals(tag)) {
                    flush(line, lines);
                } else if (BLOCKS.contains(tag)) {
                    flush(line, lines);
                    walk(e, line, lines);
                    flush(line, lines);
                } else {
                    walk(e, line, lines);
                }
            }
        }
    }

    /** A cell of the table's grid: the {@code <td>} it comes from (spanned cells share it) and the row it starts in. */
    private record GridCell(Element td, int row, String text) {}

    /**
     * A table as lines, through its grid (rowspan and colspan resolved): the value columns start at the first grid
     * column where any row holds a number; a row holding numbers becomes its label cells (those starting in this row,
     * left of the value columns) and then exactly one cell per value cell of the grid (a spanned cell once, a blank
     * one empty) — so a blank stays in its column. A header row becomes its cells' texts.
     */
    private static void table(Element table, List<String> lines) {
        List<Element> trs = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") == table) {
                trs.add(tr);
            }
        }
        if (isLayout(table, trs)) {
            // a layout table (a portal's frame, a wrapper around the report's table): its cells are read as blocks,
            // each table inside read as a table — never its cells run together into one
            for (Element tr : trs) {
                for (Element td : tr.children()) {
                    StringBuilder line = new StringBuilder();
                    walk(td, line, lines);
                    flush(line, lines);
                }
            }
            return;
        }
        List<List<GridCell>> grid = new ArrayList<>();
        for (int r = 0; r < trs.size(); r++) {
            grid.add(new ArrayList<>());
        }
        for (int r = 0; r < trs.size(); r++) {
            int c = 0;
            for (Element td : trs.get(r).children()) {
                if (!"td".equals(td.normalName()) && !"th".equals(td.normalName())) {
                    continue;
                }
                List<GridCell> row = grid.get(r);
                while (c < row.size() && row.get(c) != null) {
                    c++;
                }
                GridCell cell = new GridCell(td, r, cellText(td));
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                for (int dr = 0; dr < rowspan && r + dr < grid.size(); dr++) {
                    List<GridCell> target = grid.get(r + dr);
                    for (int dc = 0; dc < colspan; dc++) {
                        while (target.size() <= c + dc) {
                            target.add(null);
                        }
                        target.set(c + dc, cell);
                    }
                }
                c += colspan;
            }
        }
        List<List<String>> texts = new ArrayList<>();
        for (List<GridCell> row : grid) {
            texts.add(row.stream().map(cell -> cell == null ? "" : cell.text()).toList());
        }
        int firstValue = TableLayout.firstValueColumn(texts);
        for (int r = 0; r < grid.size(); r++) {
            List<GridCell> row = grid.get(r);
            int at = r;
            boolean numbers =
                    row.stream().anyMatch(cell -> cell != null && cell.row() == at && Text.number(cell.text()) != null);
            List<String> cells = new ArrayList<>();
            GridCell previous = null;
            for (int c = 0; c < row.size(); c++) {
                GridCell cell = row.get(c);
                if (cell == previous && cell != null) {
                    continue; // a cell spanning columns counts once
                }
                previous = cell;
                boolean valueColumn = numbers && c >= firstValue;
                if (cell == null) {
                    if (valueColumn) {
                        cells.add("");
                    }
                    continue;
                }
                if (cell.row() != r) {
                    if (valueColumn) {
                        cells.add(""); // a value cell spanning rows is read with the row it starts in
                    }
                    continue; // a label spanning rows (三、本年度办理结果) was read with its first row
                }
                if (valueColumn || !cell.text().isBlank()) {
                    cells.add(cell.text());
                }
            }
            if (cells.stream().anyMatch(x -> !x.isBlank())) {
                lines.add(String.join("\t", cells));
            }
        }
    }

    /**
     * A table that holds tables and (almost) no figure of its own: the numbers are in the tables inside it, at most a
     * page number in its own cells (a table with a small table in a header cell, to draw a subdivided header, keeps its
     * figures in its own cells and stays a table).
     */
    private static boolean isLayout(Element table, List<Element> trs) {
        if (table.select("table").size() == 1) {
            return false;
        }
        int figures = 0;
        for (Element tr : trs) {
            for (Element td : tr.children()) {
                Element own = td.clone();
                own.select("table").remove();
                if (Text.number(cellText(own)) != null) {
                    figures++;
                }
            }
        }
        return figures <= TableLayout.MAX_FRAME_FIGURES;
    }

    /** A cell's text: its paragraphs and lines joined with nothing, white space (also &nbsp;) collapsed. */
    private static String cellText(Element td) {
        StringBuilder b = new StringBuilder();
        cellWalk(td, b);
        return b.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static void cellWalk(Node node, StringBuilder b) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.getWholeText().replaceAll("[\\r\\n\\t]+", " ");
                b.append(s);
            } else if (child instanceof Element e) {
                if (BLOCKS.contains(e.normalName()) || "br".equals(e.normalName())) {
                    trimEnd(b);
                    cellWalk(e, b);
                    trimEnd(b);
                } else {
                    cellWalk(e, b);
                }
            }
        }
    }

    private static void trimEnd(StringBuilder b) {
        while (!b.isEmpty()
                && (Character.isWhitespace(b.charAt(b.length() - 1)) || b.charAt(b.length() - 1) == '\u00a0')) {
            b.setLength(b.length() - 1);
        }
    }

    private static int span(String attr) {
        try {
            int n = Integer.parseInt(attr.strip());
            return n >= 1 && n <= 50 ? n : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void flush(StringBuilder line, List<String> lines) {
        String s = line.toString().strip();
        if (!s.isEmpty()) {
            lines.add(s);
        }
        line.setLength(0);
    }
}

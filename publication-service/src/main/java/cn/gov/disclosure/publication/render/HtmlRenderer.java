package cn.gov.disclosure.publication.render;

import cn.gov.disclosure.publication.render.ReportView.SectionView;
import cn.gov.disclosure.publication.render.ReportView.TableCell;
import cn.gov.disclosure.publication.render.ReportView.TableView;
import java.util.Locale;

/**
 * The public page: one self-contained HTML5 document (polyglot markup: also well-formed XML), every text escaped.
 * A value cell carries {@code data-row} / {@code data-column} (the catalogue keys) for machines; people read the
 * merged headers.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            body{font-family:"Microsoft YaHei","WenQuanYi Micro Hei","PingFang SC",SimSun,sans-serif;margin:0;background:#f6f6f6;color:#222}
            article{max-width:960px;margin:0 auto;padding:32px 48px;background:#fff}
            header{text-align:center;margin-bottom:28px}
            h1{font-size:24px;margin:8px 0 12px}
            header p{margin:4px 0;color:#555;font-size:14px}
            h2{font-size:18px;margin:28px 0 10px}
            p.text{text-indent:2em;line-height:1.9;margin:6px 0}
            table.report-table{border-collapse:collapse;width:100%;margin:12px 0;font-size:13px}
            table.report-table th,table.report-table td{border:1px solid #333;padding:4px 6px;vertical-align:middle}
            table.report-table th{font-weight:normal;background:#f2f2f2;text-align:center}
            table.report-table th.row{text-align:left}
            table.report-table th.group{font-weight:bold}
            table.report-table th.corner{font-size:12px;color:#444}
            table.report-table td{text-align:center}
            footer{margin-top:36px;font-size:12px;color:#777;text-align:right}
            """;

    public String render(ReportView view) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>")
                .append(esc(view.title()))
                .append("</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n")
                .append("<article class=\"annual-report\" data-template=\"")
                .append(esc(view.template().code()))
                .append("\" data-year=\"")
                .append(view.year())
                .append("\" data-version=\"")
                .append(view.version())
                .append("\">\n")
                .append("<header>\n<h1>")
                .append(esc(view.title()))
                .append("</h1>\n")
                .append("<p class=\"organisation\">")
                .append(esc(view.organisationName()))
                .append("</p>\n")
                .append("<p class=\"year\">")
                .append(view.year())
                .append("年度</p>\n")
                .append("</header>\n");
        for (SectionView s : view.sections()) {
            h.append("<section id=\"section-")
                    .append(s.key().number())
                    .append("\" data-section=\"")
                    .append(esc(s.key().key()))
                    .append("\">\n<h2>")
                    .append(esc(s.heading()))
                    .append("</h2>\n");
            for (String p : s.paragraphs()) {
                h.append("<p class=\"text\">").append(esc(p)).append("</p>\n");
            }
            if (s.table() != null) {
                table(h, s.table());
            }
            h.append("</section>\n");
        }
        h.append("<footer>");
        h.append("依据").append(esc(view.template().notice())).append("格式编制");
        h.append(" · 第 ").append(view.version()).append(" 版");
        if (view.approvedOn() != null) {
            h.append(" · ").append(esc(view.approvedOn())).append("审核通过");
        }
        h.append("</footer>\n</article>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, TableView t) {
        h.append("<table class=\"report-table\" data-table=\"")
                .append(t.id().number())
                .append("\" data-layout=\"")
                .append(t.layout().name().toLowerCase(Locale.ROOT))
                .append("\">\n");
        if (t.headerRows() > 0) {
            h.append("<thead>\n");
        } else {
            h.append("<tbody>\n");
        }
        for (int r = 0; r < t.rowCount(); r++) {
            if (r == t.headerRows() && t.headerRows() > 0) {
                h.append("</thead>\n<tbody>\n");
            }
            h.append("<tr>");
            for (TableCell c : t.rowCells(r)) {
                cell(h, c);
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder h, TableCell c) {
        String tag;
        String cls;
        String scope;
        switch (c.kind()) {
            case VALUE -> {
                tag = "td";
                cls = null;
                scope = null;
            }
            case CORNER -> {
                tag = "th";
                cls = "corner";
                scope = null;
            }
            case ROW_HEADER -> {
                tag = "th";
                cls = "row";
                scope = c.rowspan() > 1 ? "rowgroup" : "row";
            }
            case GROUP -> {
                tag = "th";
                cls = "group";
                scope = c.colspan() > 1 ? "colgroup" : "rowgroup";
            }
            default -> {
                tag = "th";
                cls = null;
                scope = "col";
            }
        }
        h.append('<').append(tag);
        if (cls != null) {
            h.append(" class=\"").append(cls).append('"');
        }
        if (scope != null) {
            h.append(" scope=\"").append(scope).append('"');
        }
        if (c.rowspan() > 1) {
            h.append(" rowspan=\"").append(c.rowspan()).append('"');
        }
        if (c.colspan() > 1) {
            h.append(" colspan=\"").append(c.colspan()).append('"');
        }
        if (c.kind() == ReportView.CellKind.VALUE) {
            h.append(" data-row=\"")
                    .append(esc(c.rowKey()))
                    .append("\" data-column=\"")
                    .append(esc(c.columnKey()))
                    .append('"');
        }
        h.append('>').append(esc(c.text())).append("</").append(tag).append('>');
    }

    /** Escapes text for element content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t') {
                        b.append(' '); // control characters are not allowed in HTML/XML text
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}

package cn.gov.disclosure.intake.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/**
 * A .docx as the importer's line model: the paragraphs in body order (a line break in a paragraph starts a new
 * line), each table row as one line with its cells separated by tabs. A cell's paragraphs are joined with nothing
 * (其他对外管理 / 服务事项 in one cell is one label); a cell merged over n grid columns is followed by n − 1 empty
 * cells, a vertically merged continuation cell is empty — as Word writes a table copied as text. A table whose cells
 * hold tables is a layout table: its cells are read as pages of their own (a table inside one never runs together).
 */
final class DocxLines {

    private DocxLines() {}

    static List<String> read(InputStream docx) {
        if (docx == null) {
            throw notDocx(null);
        }
        List<String> lines = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(docx)) {
            body(doc, lines);
        } catch (ImportException e) {
            throw e;
        } catch (Exception e) {
            throw notDocx(e);
        }
        return lines;
    }

    private static ImportException notDocx(Throwable cause) {
        return new ImportException(
                List.of(new ImportProblem(
                        null,
                        null,
                        List.of(),
                        "不是有效的 Word 文档（.docx）"
                                + (cause == null ? "" : "：" + cause.getClass().getSimpleName()),
                        "not a valid Word document (.docx)"
                                + (cause == null ? "" : ": " + cause.getClass().getSimpleName()))),
                cause);
    }

    private static void body(IBody body, List<String> lines) {
        for (IBodyElement element : body.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                paragraph(p.getText(), lines);
            } else if (element instanceof XWPFTable t) {
                table(t, lines);
            } else if (element instanceof XWPFSDT sdt) {
                paragraph(sdt.getContent().getText(), lines);
            }
        }
    }

    private static void paragraph(String text, List<String> lines) {
        if (text == null) {
            lines.add("");
            return;
        }
        for (String line : text.split("\r\n|\r|\n", -1)) {
            lines.add(line);
        }
    }

    private static void table(XWPFTable table, List<String> lines) {
        if (holdsTables(table)) {
            // a layout table (the report's tables inside its cells): its cells are pages of their own, read in order
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    body(cell, lines);
                }
            }
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (ICell cell : row.getTableICells()) {
                if (cell instanceof XWPFTableCell c) {
                    cells.add(cellText(c));
                    for (int k = 1; k < span(c); k++) {
                        cells.add("");
                    }
                } else if (cell instanceof XWPFSDTCell sdt) {
                    cells.add(flat(sdt.getContent().getText()));
                }
            }
            rows.add(cells);
        }
        // left of the first grid column where a row holds a number, the cells are labels: a label merged over two
        // columns leaves no empty cell there (it would be taken for a blank value: 三、本年度办理结果 | （一）予以公开 |
        // (merged) | 258 …), as a page's grid is read
        int firstValue = TableLayout.firstValueColumn(rows);
        for (List<String> cells : rows) {
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                if (c >= firstValue || !Text.strip(cells.get(c)).isEmpty()) {
                    kept.add(cells.get(c));
                }
            }
            lines.add(String.join("\t", kept));
        }
    }

    /**
     * Whether the table holds tables and (almost) no figure of its own (the numbers are in the tables inside it, at
     * most a page number in its own cells); a table with a small table in a header cell keeps its figures in its own
     * cells and stays a table.
     */
    private static boolean holdsTables(XWPFTable table) {
        boolean nested = false;
        int figures = 0;
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                nested |= !cell.getTables().isEmpty();
                if (Text.number(cellText(cell)) != null) {
                    figures++;
                }
            }
        }
        return nested && figures <= TableLayout.MAX_FRAME_FIGURES;
    }

    private static String cellText(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                b.append(flat(p.getText()));
            }
        }
        return b.toString();
    }

    private static String flat(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetGridSpan() || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, pr.getGridSpan().getVal().intValue());
    }
}

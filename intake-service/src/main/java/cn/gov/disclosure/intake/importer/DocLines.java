package cn.gov.disclosure.intake.importer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A Word 97–2003 .doc (POI HWPF) as the importer's line model, like {@link DocxLines}: one line per paragraph, each
 * table row one line with its cells separated by tabs (a cell's paragraphs joined with nothing). Another OLE2 file
 * (a .wps of WPS Office, an .xls, an encrypted document) is refused with what to do.
 */
final class DocLines {

    private DocLines() {}

    static List<String> read(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            var root = fs.getRoot();
            if (!root.hasEntryCaseInsensitive("WordDocument")) {
                String kind = root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")
                        ? "Excel 表格"
                        : root.hasEntryCaseInsensitive("EncryptedPackage") ? "加密的文档" : "WPS 或其他 Office 文档";
                throw new UnsupportedDocumentException(kind);
            }
            try (HWPFDocument doc = new HWPFDocument(fs)) {
                return lines(doc.getRange());
            }
        } catch (ImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new UnsupportedDocumentException("无法读取的 .doc 文件", e);
        }
    }

    private static List<String> lines(Range range) {
        List<String> lines = new ArrayList<>();
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                Table table = range.getTable(p);
                for (int r = 0; r < table.numRows(); r++) {
                    TableRow row = table.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.numCells(); c++) {
                        cells.add(cellText(row.getCell(c)));
                    }
                    lines.add(String.join("\t", cells));
                }
                i += Math.max(0, table.numParagraphs() - 1);
                continue;
            }
            for (String part : clean(p.text()).split("[\\r\\n\\u000b]", -1)) {
                lines.add(part);
            }
        }
        return lines;
    }

    private static String cellText(TableCell cell) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < cell.numParagraphs(); k++) {
            b.append(clean(cell.getParagraph(k).text())
                    .replaceAll("[\\r\\n\\u000b]", "")
                    .strip());
        }
        return b.toString();
    }

    /** The paragraph's text without Word's marks: cell ends (\u0007), field codes, page breaks. */
    private static String clean(String s) {
        String t = s.replaceAll("\\u0013[^\\u0014\\u0015]*\\u0014", "")
                .replaceAll("\\u0013[^\\u0015]*\\u0015", "")
                .replace("\u0015", "");
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u000b' || c == '\t' || c >= 0x20) {
                b.append(c);
            }
        }
        String out = b.toString();
        return out.endsWith("\r") ? out.substring(0, out.length() - 1) : out;
    }
}

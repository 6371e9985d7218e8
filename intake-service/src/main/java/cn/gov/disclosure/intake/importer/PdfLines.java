package cn.gov.disclosure.intake.importer;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF with a text layer as the importer's line model, rebuilt from the glyphs' geometry: the glyphs of a page are
 * grouped into lines by their baseline, a line's glyphs ordered by x; a gap of about a character or more (a table's
 * cell boundary) becomes a tab, a smaller gap a space. A table row's label wrapped over several lines in its cell
 * gives several lines, its numbers one line of tab-separated cells; a vertical merged label (三、本年度办理结果 one
 * character a line) gives one-character cells the table reader skips as pieces of known labels. Page numbers
 * ({@code -1-}) are left to {@link ReportReader}, which drops them in every format.
 */
final class PdfLines {

    /** A gap wider than this many times the glyph's font size separates cells. */
    private static final float CELL_GAP = 0.9f;
    /** A gap wider than this (and not a cell gap) is a space. */
    private static final float WORD_GAP = 0.18f;

    private PdfLines() {}

    /** The lines, each with the page it stands on. */
    record PdfLine(int page, String text) {}

    static List<PdfLine> read(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            Collector collector = new Collector();
            collector.setSortByPosition(true);
            collector.writeText(doc, new StringWriter());
            boolean anyText = collector.lines.stream().anyMatch(l -> !l.text().isBlank());
            if (!anyText) {
                throw ImportException.of(
                        "此 PDF 没有文字层（可能是扫描件或图片），无法读取其中的数字。请提交报告的 Word 文件（.docx），或由 Word/WPS 直接导出的 PDF",
                        "this PDF has no text layer (a scan or images); its figures cannot be read; send the Word file "
                                + "(.docx) or a PDF exported from Word/WPS");
            }
            return collector.lines;
        } catch (InvalidPasswordException e) {
            throw new ImportException(
                    List.of(new ImportProblem(
                            null,
                            null,
                            List.of(),
                            "此 PDF 有密码保护，无法读取。请提交未加密的文件或 Word 文件（.docx）",
                            "this PDF is password-protected; send an unprotected file or the Word file (.docx)")),
                    e);
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException(
                    List.of(new ImportProblem(
                            null,
                            null,
                            List.of(),
                            "PDF 文件已损坏或无法读取。请重新导出 PDF，或提交 Word 文件（.docx）",
                            "the PDF is damaged or cannot be read; export it again or send the Word file (.docx)")),
                    e);
        }
    }

    private static final class Collector extends PDFTextStripper {
        final List<PdfLine> lines = new ArrayList<>();

        @Override
        protected void writePage() {
            List<TextPosition> glyphs = new ArrayList<>();
            for (List<TextPosition> article : getCharactersByArticle()) {
                glyphs.addAll(article);
            }
            glyphs.removeIf(g -> g.getUnicode() == null || g.getUnicode().isBlank());
            glyphs.sort(
                    Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
            int page = getCurrentPageNo();
            List<TextPosition> line = new ArrayList<>();
            float baseline = Float.NaN;
            for (TextPosition g : glyphs) {
                float tolerance = Math.max(1f, g.getHeightDir() * 0.5f);
                if (!line.isEmpty() && Math.abs(g.getYDirAdj() - baseline) > tolerance) {
                    lines.add(new PdfLine(page, text(line)));
                    line.clear();
                }
                if (line.isEmpty()) {
                    baseline = g.getYDirAdj();
                }
                line.add(g);
            }
            if (!line.isEmpty()) {
                lines.add(new PdfLine(page, text(line)));
            }
        }

        private static String text(List<TextPosition> line) {
            line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            StringBuilder b = new StringBuilder();
            TextPosition prev = null;
            for (TextPosition g : line) {
                if (prev != null) {
                    float gap = g.getXDirAdj() - (prev.getXDirAdj() + prev.getWidthDirAdj());
                    float size = Math.max(1f, Math.max(prev.getFontSizeInPt(), prev.getWidthDirAdj()));
                    if (gap > CELL_GAP * size) {
                        b.append('\t');
                    } else if (gap > WORD_GAP * size) {
                        b.append(' ');
                    }
                }
                b.append(g.getUnicode());
                prev = g;
            }
            return b.toString();
        }
    }
}

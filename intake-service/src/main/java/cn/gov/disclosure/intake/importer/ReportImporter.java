package cn.gov.disclosure.intake.importer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 政府信息公开工作年度报告 from the document a township already has: a .docx or .doc, a PDF with a text layer,
 * a portal's HTML page, or its text in any of the encodings Chinese computers save (as copied from Word: tables
 * tab-separated or one cell per line, cells separated by spaces, markdown, cells run together).
 *
 * <p>Every format becomes the same line model ({@link SourceLine}); the lines are split into the six sections by
 * their headings (numeral 一 … 六 and the section's key words); the tables of sections 二, 三 and 四 are read as
 * streams of labels and numbers matched against {@link cn.gov.disclosure.contracts.catalogue.TemplateCatalogue};
 * the template is told by the table labels. What the document lacks stays absent (the validator reports it); what
 * is ambiguous is stated: a warning ({@link ImportNote}) when every reading gives the same values, otherwise an
 * {@link ImportException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportImporter {

    /**
     * Reads the report from a document of any accepted {@link DocumentFormat}, told from its bytes. Throws
     * {@link UnsupportedDocumentException} for a kind of file the importer does not read, {@link ImportException}
     * when the document cannot be read as a report.
     */
    public ImportResult importDocument(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ImportException.of("文档为空", "the document is empty");
        }
        DocumentFormat format = DocumentFormat.detect(bytes);
        return switch (format) {
            case PDF -> importPdf(bytes);
            case DOCX -> importDocx(new ByteArrayInputStream(bytes)).as(DocumentFormat.DOCX);
            case DOC ->
                read(numbered(DocLines.read(bytes)), "Word 文档中没有文字", "the Word document holds no text")
                        .as(DocumentFormat.DOC);
            case TEXT, HTML -> {
                String text = TextDecoder.decode(bytes);
                yield DocumentFormat.isHtml(text) ? importHtml(text) : importText(text);
            }
        };
    }

    /** Reads the report from its text. Throws {@link ImportException} when the text cannot be read as a report. */
    public ImportResult importText(String text) {
        if (text == null || text.isBlank()) {
            throw ImportException.of("文本为空", "the text is empty");
        }
        return new ReportReader(numbered(TextLines.read(text))).read().as(DocumentFormat.TEXT);
    }

    /** Reads the report from an HTML page (the report found inside the site's chrome). */
    public ImportResult importHtml(String html) {
        return read(numbered(HtmlLines.read(html)), "网页中没有文字", "the page holds no text")
                .as(DocumentFormat.HTML);
    }

    /**
     * Reads the report from a .docx (paragraphs and tables in body order; line numbers are those of the converted
     * document: one line per paragraph and per table row). Throws {@link ImportException} for a file that is not a
     * .docx or cannot be read as a report.
     */
    public ImportResult importDocx(InputStream docx) {
        return read(numbered(DocxLines.read(docx)), "Word 文档中没有文字", "the Word document holds no text")
                .as(DocumentFormat.DOCX);
    }

    private ImportResult importPdf(byte[] bytes) {
        List<PdfLines.PdfLine> raw = PdfLines.read(bytes);
        List<SourceLine> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            lines.add(new SourceLine(i + 1, raw.get(i).text(), raw.get(i).page()));
        }
        return new ReportReader(lines).read().as(DocumentFormat.PDF);
    }

    private static ImportResult read(List<SourceLine> lines, String emptyZh, String emptyEn) {
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            throw ImportException.of(emptyZh, emptyEn);
        }
        return new ReportReader(lines).read();
    }

    private static List<SourceLine> numbered(List<String> raw) {
        List<SourceLine> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            lines.add(new SourceLine(i + 1, raw.get(i)));
        }
        return lines;
    }
}

package cn.gov.disclosure.intake.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 政府信息公开工作年度报告 from the document a township already has: its text (as copied from Word: tables
 * tab-separated or one cell per line, markdown) or the .docx itself.
 *
 * <p>The document's lines are split into the six sections by their headings (numeral 一 … 六 and the section's key
 * words); the tables of sections 二, 三 and 四 are read as streams of labels and numbers matched against
 * {@link cn.gov.disclosure.contracts.catalogue.TemplateCatalogue}; the template is told by the table labels.
 * What the document lacks stays absent (the validator reports it); what is ambiguous is stated: a warning
 * ({@link ImportNote}) when every reading gives the same values, otherwise an {@link ImportException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportImporter {

    /** Reads the report from its text. Throws {@link ImportException} when the text cannot be read as a report. */
    public ImportResult importText(String text) {
        if (text == null || text.isBlank()) {
            throw ImportException.of("文本为空", "the text is empty");
        }
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<SourceLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new SourceLine(i + 1, raw[i]));
        }
        return new ReportReader(lines).read();
    }

    /**
     * Reads the report from a .docx (paragraphs and tables in body order; line numbers are those of the converted
     * document: one line per paragraph and per table row). Throws {@link ImportException} for a file that is not a
     * .docx or cannot be read as a report.
     */
    public ImportResult importDocx(InputStream docx) {
        List<String> raw = DocxLines.read(docx);
        List<SourceLine> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            lines.add(new SourceLine(i + 1, raw.get(i)));
        }
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            throw ImportException.of("Word 文档中没有文字", "the Word document holds no text");
        }
        return new ReportReader(lines).read();
    }
}

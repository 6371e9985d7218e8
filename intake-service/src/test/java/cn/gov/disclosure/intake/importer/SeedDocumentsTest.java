package cn.gov.disclosure.intake.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every seed round-trips through the formats clerks have: a Word 97–2003 .doc, an office suite's PDF, the text saved
 * by Notepad in GB18030/GBK or UTF-16 (with its byte-order mark) or UTF-8 with one — each read back, told from its
 * bytes alone, gives the seed's golden report.
 */
class SeedDocumentsTest {

    private final ReportImporter importer = new ReportImporter();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aWord97Document(int n) throws Exception {
        ImportResult result = importer.importDocument(RealDocumentsTest.bytes("seed-documents/seed-" + n + ".doc"));
        assertThat(result.format()).isEqualTo(DocumentFormat.DOC);
        assertThat(result.report()).isEqualTo(GoldenSeeds.load(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void anOfficeSuitesPdf(int n) throws Exception {
        ImportResult result =
                importer.importDocument(RealDocumentsTest.bytes("seed-documents/seed-" + n + ".office.pdf"));
        assertThat(result.format()).isEqualTo(DocumentFormat.PDF);
        assertSameReport(result.report(), GoldenSeeds.load(n));
    }

    /** {@code pdftotext -layout} of the office PDF: cells in runs of spaces, vertical labels one character a line. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aPdfToTextLayoutRendering(int n) throws Exception {
        ImportResult result =
                importer.importDocument(RealDocumentsTest.bytes("seed-documents/seed-" + n + ".layout.txt"));
        assertSameReport(result.report(), GoldenSeeds.load(n));
    }

    /** The HTML an office suite writes for the Word file (“另存为网页”). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void anOfficeSuitesHtml(int n) throws Exception {
        ImportResult result =
                importer.importDocument(RealDocumentsTest.bytes("seed-documents/seed-" + n + ".office.html"));
        assertThat(result.format()).isEqualTo(DocumentFormat.HTML);
        assertThat(result.report()).isEqualTo(GoldenSeeds.load(n));
    }

    /**
     * The same page with each table wrapped in a one-cell table (old portals frame their content so): the frame is
     * layout, each table inside is read as a table — its cells never run together into digits to cut.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void anOfficeSuitesHtmlWithEachTableInsideAFrameTable(int n) throws Exception {
        String html = RealDocumentsTest.resource("seed-documents/seed-" + n + ".office.html");
        String framed = html.replaceAll("(?i)<table", "<table><tr><td><table")
                .replaceAll("(?i)</table>", "</table></td></tr></table>");
        assertThat(framed).isNotEqualTo(html);
        ImportResult result = importer.importDocument(framed.getBytes(StandardCharsets.UTF_8));
        assertThat(result.report()).isEqualTo(GoldenSeeds.load(n));
        assertThat(result.notes())
                .noneSatisfy(note -> assertThat(note.messageZh()).contains("连写"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB18030", "GBK", "UTF-16LE-BOM", "UTF-16BE-BOM", "UTF-8-BOM"})
    void textInEveryEncodingNotepadSaves(String encoding) {
        for (int n = 0; n < GoldenSeeds.COUNT; n++) {
            String text = GoldenSeeds.seedText(n);
            if ("GBK".equals(encoding) && !Charset.forName("GBK").newEncoder().canEncode(text)) {
                continue; // a character GBK lacks (GB18030 has every one)
            }
            byte[] bytes = switch (encoding) {
                case "UTF-16LE-BOM" ->
                    withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
                case "UTF-16BE-BOM" ->
                    withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
                case "UTF-8-BOM" ->
                    withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
                default -> text.getBytes(Charset.forName(encoding));
            };
            ImportResult result = importer.importDocument(bytes);
            assertThat(result.format()).isEqualTo(DocumentFormat.TEXT);
            assertThat(result.report()).as("seed " + n + " in " + encoding).isEqualTo(GoldenSeeds.load(n));
        }
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    /**
     * The same report: organ, year, template, title, every table cell exactly; the sections' text the same apart from
     * where a PDF wraps its lines (white space and line breaks).
     */
    static void assertSameReport(AnnualReport read, AnnualReport golden) {
        assertThat(read.organisationName()).isEqualTo(golden.organisationName());
        assertThat(read.year()).isEqualTo(golden.year());
        assertThat(read.template()).isEqualTo(golden.template());
        assertThat(read.activeDisclosure()).isEqualTo(golden.activeDisclosure());
        assertThat(read.applications()).isEqualTo(golden.applications());
        assertThat(read.reviewsAndLitigation()).isEqualTo(golden.reviewsAndLitigation());
        assertThat(read.sections())
                .extracting(Section::key)
                .isEqualTo(golden.sections().stream().map(Section::key).toList());
        List<String> readText =
                read.sections().stream().map(s -> squash(s.text())).toList();
        List<String> goldenText =
                golden.sections().stream().map(s -> squash(s.text())).toList();
        assertThat(readText).isEqualTo(goldenText);
    }

    static String squash(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }
}

package cn.gov.disclosure.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.intake.importer.DocumentFormat;
import cn.gov.disclosure.intake.importer.ImportResult;
import cn.gov.disclosure.intake.importer.ReportImporter;
import cn.gov.disclosure.publication.render.ReportLayout;
import cn.gov.disclosure.publication.render.ReportRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every seed's golden report, rendered by the publication service's own renderers and read back by the importer: the
 * published PDF, the published HTML page, the PDF's plain text extraction (cells separated by spaces, labels wrapped
 * over lines) and a run-together rendering of the page (every text node of the body joined with nothing, as an
 * archive's text of a portal page). The first three give the golden report (sections' text up to line breaks); the
 * run-together one gives every table cell it imports exactly as golden and names every cell it leaves out.
 */
class RoundTripTest {

    private static ReportRenderer renderer;
    private final ReportImporter importer = new ReportImporter();

    @BeforeAll
    static void renderer() {
        renderer = new ReportRenderer();
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** The rendering; with {@code -Droundtrip.dump=DIR} also written there, to look at. */
    private static ReportRenderer.Rendered render(int n) {
        AnnualReport golden = GoldenSeeds.load(n);
        ReportRenderer.Rendered r = renderer.render(
                golden,
                new ReportLayout.Meta(
                        golden.organisationName(),
                        golden.year(),
                        1,
                        OffsetDateTime.of(2027, 1, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8))),
                "seed-" + n + "-v1");
        String dump = System.getProperty("roundtrip.dump");
        if (dump != null) {
            try {
                Files.createDirectories(Path.of(dump));
                Files.write(Path.of(dump, "seed-" + n + ".pdf"), r.pdf());
                Files.write(Path.of(dump, "seed-" + n + ".html"), r.htmlBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void thePublishedPdf(int n) {
        ImportResult result = importer.importDocument(render(n).pdf());
        assertThat(result.format()).isEqualTo(DocumentFormat.PDF);
        assertSameReport(result.report(), GoldenSeeds.load(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void thePublishedPage(int n) {
        ImportResult result = importer.importDocument(render(n).htmlBytes());
        assertThat(result.format()).isEqualTo(DocumentFormat.HTML);
        assertSameReport(result.report(), GoldenSeeds.load(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void thePdfsPlainText(int n) throws Exception {
        String text;
        try (PDDocument pdf = Loader.loadPDF(render(n).pdf())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertSameReport(importer.importText(text).report(), GoldenSeeds.load(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void thePageRunTogether(int n) {
        StringBuilder body = new StringBuilder();
        Jsoup.parse(render(n).html()).body().traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                body.append(t.text().strip());
            }
        });
        AnnualReport golden = GoldenSeeds.load(n);
        ImportResult result = importer.importText(golden.title() + "\n" + body);
        AnnualReport read = result.report();
        assertThat(read.applications()).as("Table 3").isEqualTo(golden.applications());
        assertThat(read.reviewsAndLitigation()).as("Table 4").isEqualTo(golden.reviewsAndLitigation());
        // Table 2 has no relation inside a row: a row is imported exactly or left out and named
        ReportTable t2 = read.activeDisclosure();
        for (Map.Entry<String, Map<String, Cell>> row :
                golden.activeDisclosure().rows().entrySet()) {
            if (t2 != null && t2.hasRow(row.getKey())) {
                assertThat(t2.rows().get(row.getKey()))
                        .as("Table 2 " + row.getKey())
                        .isEqualTo(row.getValue());
            } else {
                assertThat(result.notes())
                        .as("a note naming Table 2 " + row.getKey())
                        .anySatisfy(note -> assertThat(note.row()).isEqualTo(row.getKey()));
            }
        }
    }

    /**
     * The publication's colophon at the end of its documents (依据国办公开办函〔2019〕60号格式编制 · 第 1 版 · …审核通过): the
     * renderer's line, not the report's; the importer reads it as the last section's text, as it would any closing line.
     */
    private static final Pattern COLOPHON = Pattern.compile("依据国办公开办函.*审核通过$");

    static void assertSameReport(AnnualReport read, AnnualReport golden) {
        assertThat(read.organisationName()).isEqualTo(golden.organisationName());
        assertThat(read.year()).isEqualTo(golden.year());
        assertThat(read.template()).isEqualTo(golden.template());
        assertThat(read.activeDisclosure()).as("Table 2").isEqualTo(golden.activeDisclosure());
        assertThat(read.applications()).as("Table 3").isEqualTo(golden.applications());
        assertThat(read.reviewsAndLitigation()).as("Table 4").isEqualTo(golden.reviewsAndLitigation());
        // every section of the report with its text (up to line breaks); the published form prints every heading of
        // the template, so a section the report lacks may come back as a heading without text
        for (Section g : golden.sections()) {
            assertThat(read.sections()).as("section " + g.key()).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo(g.key());
                assertThat(squash(r.text())).isEqualTo(squash(g.text()));
            });
        }
        for (Section r : read.sections()) {
            if (golden.sections().stream().noneMatch(g -> g.key() == r.key())) {
                assertThat(squash(r.text()))
                        .as("section " + r.key() + " the report lacks")
                        .isEmpty();
            }
        }
    }

    private static String squash(String s) {
        return s == null
                ? ""
                : COLOPHON.matcher(s.replaceAll("[\\s\u3000·]+", "")).replaceFirst("");
    }
}

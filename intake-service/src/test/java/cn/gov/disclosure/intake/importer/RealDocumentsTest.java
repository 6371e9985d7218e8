package cn.gov.disclosure.intake.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real published reports of every layout family (PDF, portal HTML, PDF-to-text, Markdown, cells run together,
 * tab-separated with blanks, HTML inside a script), with figures read by hand ({@code expected.tsv} beside them):
 * each must be read with exactly those figures. {@code none} means the document is ambiguous or inconsistent there
 * and the cell must not be imported at all — never a wrong number in its place; {@code refused} (every figure) means no
 * reading of the document is certain: it must be refused, each problem naming its line and its row or table.
 */
class RealDocumentsTest {

    private final ReportImporter importer = new ReportImporter();

    @TestFactory
    Stream<DynamicTest> theSixFamiliesOfTheSharedFolder() throws IOException {
        return documents("real");
    }

    @TestFactory
    Stream<DynamicTest> theReportsFoundInTheLibrary() throws IOException {
        return documents("real-found");
    }

    /** The platform's own report laid out as portals and office tools do, where a reading once went wrong. */
    @TestFactory
    Stream<DynamicTest> theLayoutVariants() throws IOException {
        return documents("variants");
    }

    private Stream<DynamicTest> documents(String folder) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : resource(folder + "/expected.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            tests.add(DynamicTest.dynamicTest(f[0], () -> {
                byte[] bytes = bytes(folder + "/" + f[0]);
                if ("refused".equals(f[1])) {
                    assertThatThrownBy(() -> importer.importDocument(bytes))
                            .as(f[0] + " must be refused")
                            .isInstanceOfSatisfying(
                                    ImportException.class,
                                    e -> assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                                        assertThat(p.line())
                                                .as("the line of " + p.messageZh())
                                                .isNotNull();
                                        assertThat(p.row())
                                                .as("the row of " + p.messageZh())
                                                .isNotBlank();
                                    }));
                    return;
                }
                AnnualReport report = importer.importDocument(bytes).report();
                ReportTable t3 = report.applications();
                assertThat(t3).as("Table 3 of " + f[0]).isNotNull();
                assertFigure(f[0], "一 总计", t3, "newReceived", f[1]);
                assertFigure(f[0], "二 总计", t3, "carriedOver", f[2]);
                assertFigure(f[0], "（七） 总计", t3, "resultTotal", f[3]);
                assertFigure(f[0], "四 总计", t3, "carriedForward", f[4]);
                assertFigure(f[0], "表4 行政复议 总计", report.reviewsAndLitigation(), "administrativeReconsideration", f[5]);
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void assertFigure(String file, String what, ReportTable table, String row, String expected) {
        Cell cell = table == null ? null : table.cell(row, "total").orElse(null);
        if ("none".equals(expected)) {
            assertThat(cell).as(file + " " + what + " must not be imported").isNull();
        } else {
            assertThat(cell).as(file + " " + what).isNotNull();
            assertThat(cell.value()).as(file + " " + what).isEqualByComparingTo(expected);
        }
    }

    static byte[] bytes(String path) throws IOException {
        try (InputStream in = RealDocumentsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    static String resource(String path) throws IOException {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}

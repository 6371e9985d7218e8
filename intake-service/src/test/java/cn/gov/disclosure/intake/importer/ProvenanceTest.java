package cn.gov.disclosure.intake.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.model.CellSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cell says where it came from (page, line, raw text) and how it was read. */
class ProvenanceTest {

    private final ReportImporter importer = new ReportImporter();

    private static CellSource cell(ImportResult r, String table, String row, String column) {
        List<CellSource> found = r.provenance().stream()
                .filter(c -> c.table().equals(table)
                        && c.row().equals(row)
                        && c.column().equals(column))
                .toList();
        assertThat(found).as(table + "/" + row + "/" + column).hasSize(1);
        return found.get(0);
    }

    @Test
    void aPdfCellNamesItsPageLineAndText() throws Exception {
        ImportResult r = importer.importDocument(RealDocumentsTest.bytes("real/huaian-city-2024.pdf"));
        CellSource c = cell(r, "applications", "newReceived", "total");
        assertThat(c.raw()).isEqualTo("3119");
        assertThat(c.reading()).isEqualTo(CellSource.Reading.WRITTEN);
        assertThat(c.page()).isBetween(3, 5);
        assertThat(c.line()).isPositive();
        assertThat(cell(r, "activeDisclosure", "administrativePenalty", "decisions")
                        .raw())
                .isEqualTo("3985758");
        // every cell of the report has exactly one source
        long cells = r.report().applications().rows().values().stream()
                .mapToLong(m -> m.size())
                .sum();
        assertThat(r.provenance().stream().filter(p -> p.table().equals("applications")))
                .hasSize((int) cells);
    }

    @Test
    void blankCellsAreNamedAsBlank() throws Exception {
        ImportResult r = importer.importDocument(RealDocumentsTest.bytes("real/shuyang-fagaiju-2023.tsv.txt"));
        CellSource blank = cell(r, "applications", "newReceived", "commercialEnterprise");
        assertThat(blank.reading()).isEqualTo(CellSource.Reading.BLANK);
        assertThat(r.report().applications().cell("newReceived", "commercialEnterprise"))
                .isEmpty();
        assertThat(cell(r, "applications", "newReceived", "naturalPerson").reading())
                .isEqualTo(CellSource.Reading.WRITTEN);
    }

    @Test
    void cellsTheArithmeticDecidedAreMarked() throws Exception {
        ImportResult md = importer.importDocument(RealDocumentsTest.bytes("real/shanghai-kewei-2024.md.txt"));
        assertThat(cell(md, "applications", "carriedForward", "total").reading())
                .isEqualTo(CellSource.Reading.RESOLVED_BY_ARITHMETIC);
        ImportResult crawler = importer.importDocument(RealDocumentsTest.bytes("real/pingtan-zone-2021.crawler.txt"));
        CellSource c = cell(crawler, "applications", "newReceived", "naturalPerson");
        assertThat(c.reading()).isEqualTo(CellSource.Reading.RESOLVED_BY_ARITHMETIC);
        assertThat(c.raw()).isEqualTo("640020470");
        assertThat(cell(crawler, "applications", "carriedOver", "total").reading())
                .isEqualTo(CellSource.Reading.WRITTEN);
    }
}

package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * The county summary over the real pipeline: approved cases opened by <em>report validated</em> events, each township
 * a report of its own; the summary equals the sum computed here cell by cell, in JSON and in the workbook.
 */
@QuarkusTest
class SummaryTest {

    @Inject
    OrganisationRegistry registry;

    /**
     * Seed 004 (whose figures are mostly 0, as in many townships) with every cell of Tables 2–4 given a figure of its
     * own: {@code k}·1000 + the cell's position (money: the same in hundredths, in the cell's unit).
     */
    static AnnualReport numbered(int year, String name, int k) {
        AnnualReport r = report(year, name);
        int[] position = {0};
        ReportTable[] tables = new ReportTable[3];
        int i = 0;
        for (ReportTable t : List.of(r.activeDisclosure(), r.applications(), r.reviewsAndLitigation())) {
            Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
            t.rows().forEach((row, cells) -> {
                Map<String, Cell> numbered = new LinkedHashMap<>();
                cells.forEach((col, c) -> {
                    BigDecimal v = BigDecimal.valueOf(k * 1000L + position[0]++);
                    numbered.put(col, new Cell(c.unit() == null ? v : v.movePointLeft(2), c.unit()));
                });
                rows.put(row, numbered);
            });
            tables[i++] = new ReportTable(rows);
        }
        return new AnnualReport(
                r.organisationName(), year, r.template(), r.title(), r.sections(), tables[0], tables[1], tables[2]);
    }

    private static void approve(String auth, String caseId) {
        claim(auth, caseId);
        act(auth, caseId, "approve", Map.of()).statusCode(200);
    }

    @Test
    void theCountySummaryIsTheSumOfItsTownshipsApprovedReportsCellByCell() throws Exception {
        int year = newYear();
        String auth = reviewer(JINJIANG);
        Map<String, AnnualReport> reports = new LinkedHashMap<>();
        reports.put(ZIMAO, numbered(year, "紫帽镇", 1));
        reports.put(ANHAI, numbered(year, "安海镇", 2));
        reports.put(CHIDIAN, numbered(year, "池店镇", 5));
        for (Map.Entry<String, AnnualReport> e : reports.entrySet()) {
            approve(auth, openWith(e.getKey(), year, e.getValue(), INFO));
        }
        // 深沪镇's approved report follows the other template: left out, by name; 金井镇 has none: missing
        AnnualReport old = report(year, "深沪镇");
        approve(
                auth,
                openWith(
                        SHENHU,
                        year,
                        new AnnualReport(
                                old.organisationName(),
                                year,
                                TemplateVersion.T2019,
                                old.title(),
                                old.sections(),
                                null,
                                null,
                                null)));
        open(JINJING, year, 1); // awaiting review, not approved

        JsonPath s = given().header("Authorization", auth)
                .queryParam("year", year)
                .get("/api/v1/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(s.getString("scopeCode")).isEqualTo(JINJIANG);
        assertThat(s.getBoolean("province")).isFalse();
        assertThat(s.getList("members.code")).containsExactly(ZIMAO, ANHAI, CHIDIAN);
        assertThat(s.getList("missing.code")).contains(JINJING).doesNotContain(ZIMAO, SHENHU);
        assertThat(s.getList("leftOut.code")).containsExactly(SHENHU);
        assertThat(s.getList("members.find { it.code == '" + ZIMAO + "' }.findingCodes"))
                .containsExactly(INFO.code());

        TemplateVersion template = TemplateVersion.requiredFor(year);
        int checked = 0;
        for (TableDef def : TemplateCatalogue.tables(template)) {
            Map<String, Object> table =
                    s.getMap("tables.find { it.number == " + def.id().number() + " }");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
            for (int r = 0; r < def.rows().size(); r++) {
                RowDef row = def.rows().get(r);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> cells =
                        (List<Map<String, Object>>) rows.get(r).get("cells");
                for (int c = 0; c < row.columns().size(); c++) {
                    ColumnDef column = row.columns().get(c);
                    BigDecimal expected = BigDecimal.ZERO;
                    for (AnnualReport a : reports.values()) {
                        expected = expected.add(a.table(def.id()).value(row.key(), column.key()));
                    }
                    assertThat(expected).as("a figure of its own").isPositive();
                    assertThat(new BigDecimal(String.valueOf(cells.get(c).get("value"))))
                            .as("%s %s %s", def.id(), row.key(), column.key())
                            .isEqualByComparingTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);

        // the workbook holds the same figures: the breakdown sheet, one line per cell, the total in column D
        byte[] xlsx = given().header("Authorization", auth)
                .queryParam("year", year)
                .get("/api/v1/summary/export.xlsx")
                .then()
                .statusCode(200)
                .contentType(CompletenessWorkbook.MEDIA_TYPE)
                .extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("表三")).isNotNull();
            Sheet detail = book.getSheet("分乡镇明细");
            assertThat(detail.getRow(0).getCell(4).getStringCellValue()).isEqualTo(s.getString("members[0].name"));
            int lines = 0;
            for (TableDef def : TemplateCatalogue.tables(template)) {
                for (RowDef row : def.rows()) {
                    for (ColumnDef column : row.columns()) {
                        Row line = detail.getRow(++lines);
                        BigDecimal expected = BigDecimal.ZERO;
                        for (AnnualReport a : reports.values()) {
                            expected = expected.add(a.table(def.id()).value(row.key(), column.key()));
                        }
                        assertThat(line.getCell(3).getNumericCellValue())
                                .as("workbook %s %s %s", def.id(), row.key(), column.key())
                                .isEqualTo(expected.doubleValue());
                        assertThat(line.getCell(6).getNumericCellValue())
                                .as("池店镇's own figure")
                                .isEqualTo(reports.get(CHIDIAN)
                                        .table(def.id())
                                        .value(row.key(), column.key())
                                        .doubleValue());
                    }
                }
            }
            assertThat(detail.getLastRowNum()).isEqualTo(lines);
            Sheet scope = book.getSheet("汇总范围");
            assertThat(scope.getRow(0).getCell(0).getStringCellValue()).isEqualTo("已汇总（3）");
        }

        // the Word draft: the three tables with the same figures (池店镇's and the others' summed)
        byte[] docx = given().header("Authorization", auth)
                .queryParam("year", year)
                .get("/api/v1/summary/export.docx")
                .then()
                .statusCode(200)
                .contentType(SummaryDocument.MEDIA_TYPE)
                .extract()
                .asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText())
                    .contains(year + "年度")
                    .contains("全县汇总表格");
            String all = doc.getTables().stream()
                    .flatMap(t -> t.getRows().stream())
                    .flatMap(r -> r.getTableCells().stream())
                    .map(c -> c.getText())
                    .reduce("", (a, b) -> a + "|" + b);
            BigDecimal newReceived = BigDecimal.ZERO;
            for (AnnualReport a : reports.values()) {
                newReceived = newReceived.add(a.applications().value("newReceived", "total"));
            }
            assertThat(all).contains("|" + newReceived.toPlainString() + "|");
        }

        // another county's reviewer is refused; the province sees every county, 晋江市 summed as here
        given().header("Authorization", reviewer(MENGJIN))
                .queryParam("year", year)
                .queryParam("county", JINJIANG)
                .get("/api/v1/summary")
                .then()
                .statusCode(403);
        JsonPath province = given().header("Authorization", provinceAdmin())
                .queryParam("year", year)
                .get("/api/v1/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(province.getBoolean("province")).isTrue();
        assertThat(province.getList("members.code")).containsExactly(JINJIANG);
        // every county of the province is listed, those with no approved report too
        List<String> everyCounty = registry.all().stream()
                .filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                .map(OrganisationRegistry.Organisation::code)
                .toList();
        assertThat(province.getList("counties.code", String.class))
                .containsExactlyInAnyOrderElementsOf(everyCounty)
                .contains(JINJIANG, MENGJIN);
        assertThat(province.getInt("counties.find { it.code == '" + MENGJIN + "' }.approved"))
                .isZero();
        assertThat(province.getInt("counties.find { it.code == '" + JINJIANG + "' }.approved"))
                .isEqualTo(province.getInt("counties.find { it.code == '" + JINJIANG + "' }.townships")
                        - (int) province.getList("missing.countyName").stream()
                                .filter("晋江市"::equals)
                                .count());
        assertThat(province.getList("missing.code")).contains(JINJING, HUIMENG, PINGLE);
        assertThat(province.getString("tables[1].rows[0].cells[0].value"))
                .isEqualTo(s.getString("tables[1].rows[0].cells[0].value"));
    }

    @Test
    void aYearIsRequired() {
        given().header("Authorization", reviewer(JINJIANG))
                .get("/api/v1/summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}

package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The case list as Excel: the list's filters, every matching case, Chinese headers and states. */
@QuarkusTest
class CaseExportTest {

    @Test
    void theFilteredCasesOfTheCountyDownloadAsAWorkbook() throws Exception {
        int year = newYear();
        String auth = reviewer(JINJIANG);
        String warned = open(SHENHU, year, 1, RULES_WARNING);
        String plain = open(JINJING, year, 1);
        claim(auth, plain);

        byte[] xlsx = given().header("Authorization", auth)
                .queryParam("year", year)
                .get(CASES + "/export.xlsx")
                .then()
                .statusCode(200)
                .contentType(CompletenessWorkbook.MEDIA_TYPE)
                .extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("审核案件");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("案件编号");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("状态");
            List<String> ids = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                ids.add(row.getCell(0).getStringCellValue());
                states.add(row.getCell(5).getStringCellValue());
            }
            assertThat(ids).containsExactlyInAnyOrder(warned, plain);
            assertThat(states).containsExactlyInAnyOrder("待审核", "审核中");
        }

        byte[] onlyWarned = given().header("Authorization", auth)
                .queryParam("year", year)
                .queryParam("hasWarnings", true)
                .get(CASES + "/export.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(onlyWarned))) {
            Sheet sheet = book.getSheet("审核案件");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(warned);
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(1.0);
        }

        given().header("Authorization", reviewer(MENGJIN))
                .queryParam("county", JINJIANG)
                .get(CASES + "/export.xlsx")
                .then()
                .statusCode(403);
    }
}

package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.ReportPublished;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadlines view with "now" set by the test: on time, late (approved late, or approved in time but published
 * late), missing (in review, or nothing at all), and pending before the deadline.
 */
@QuarkusTest
class CompletenessTest {

    private static final String COMPLETENESS = "/api/v1/completeness";

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private void now(int year, String monthDayTime) {
        clock.set(OffsetDateTime.parse(year + "-" + monthDayTime + "+08:00").toInstant());
    }

    private static JsonPath completeness(String auth, int year) {
        return given().header("Authorization", auth)
                .queryParam("year", year)
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> township(JsonPath body, String code) {
        return body.getMap(
                "counties.find { it.code == '" + county(code) + "' }.townships.find { it.code == '" + code + "' }");
    }

    private static void approve(String auth, String caseId) {
        claim(auth, caseId);
        act(auth, caseId, "approve", Map.of()).statusCode(200);
    }

    @Test
    void onTimeLateMissingAndPendingTownshipsOfACounty() throws Exception {
        int year = newYear();
        int next = year + 1;
        String auth = reviewer(JINJIANG);

        now(next, "01-20T10:00:00");
        approve(auth, open(ZIMAO, year, 1)); // approved 20 January: on time
        now(next, "01-25T10:00:00");
        String chidian = open(CHIDIAN, year, 1);
        approve(auth, chidian); // approved 25 January, published 2 February: late
        open(SHENHU, year, 1); // waiting for review: missing once the deadline passes
        // ANHAI: approved on 3 February; JINJING: nothing at all

        now(next, "01-31T23:59:00");
        JsonPath before = completeness(auth, year);
        assertThat(before.getString("dueDate")).isEqualTo(next + "-01-31");
        assertThat(OffsetDateTime.parse(before.getString("lateFrom")))
                .isEqualTo(OffsetDateTime.parse(next + "-02-01T00:00:00+08:00"));
        assertThat(before.getBoolean("deadlinePassed")).isFalse();
        assertThat(before.getString("scope")).isEqualTo(JINJIANG);
        assertThat(before.getList("counties")).hasSize(1);
        assertThat(before.getMap("totals"))
                .isEqualTo(Map.of("townships", 5, "onTime", 2, "late", 0, "missing", 0, "pending", 3));
        assertThat(township(before, SHENHU))
                .containsEntry("timeliness", "PENDING")
                .containsEntry("state", "AWAITING_REVIEW");

        now(next, "02-02T09:00:00");
        send(EventEnvelope.of(
                "/test/publication",
                new ReportPublished(
                        CHIDIAN + "-" + year,
                        1,
                        CHIDIAN,
                        year,
                        "https://portal.example/reports/" + CHIDIAN + "/" + year,
                        "bag-" + year,
                        OffsetDateTime.parse(next + "-02-02T09:00:00+08:00"))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().header("Authorization", auth)
                                .when()
                                .get(CASES + "/" + chidian)
                                .then()
                                .extract()
                                .path("publication.publishedAt")
                        != null);
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + chidian)
                .then()
                .body("publication.publicUrl", equalTo("https://portal.example/reports/" + CHIDIAN + "/" + year));
        // the publication is in the case's audit trail (审核记录), with its address
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + chidian + "/audit")
                .then()
                .body(
                        "entries.comment",
                        Matchers.hasItem(Matchers.startsWith(
                                "已在政府门户公开：https://portal.example/reports/" + CHIDIAN + "/" + year)));

        now(next, "02-03T10:00:00");
        approve(auth, open(ANHAI, year, 1));

        now(next, "02-10T10:00:00");
        JsonPath after = completeness(auth, year);
        // the same as an .xlsx: Chinese headers, one row per township, the counts below
        byte[] xlsx = given().header("Authorization", auth)
                .when()
                .get("/api/v1/completeness/export.xlsx?year=" + year)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats"))
                .header("Content-Disposition", Matchers.containsString("filename*=UTF-8''"))
                .extract()
                .asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var header = sheet.getRow(3);
            for (int i = 0; i < CompletenessWorkbook.HEADERS.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(CompletenessWorkbook.HEADERS.get(i));
            }
            Map<String, String> timeliness = new HashMap<>();
            for (int r = 4; r <= 8; r++) {
                timeliness.put(
                        sheet.getRow(r).getCell(1).getStringCellValue(),
                        sheet.getRow(r).getCell(5).getStringCellValue());
            }
            assertThat(timeliness)
                    .containsEntry(ZIMAO, "按时完成")
                    .containsEntry(CHIDIAN, "逾期完成")
                    .containsEntry(JINJING, "逾期未报")
                    .hasSize(5);
        }
        given().header("Authorization", reviewer("410308"))
                .when()
                .get("/api/v1/completeness/export.xlsx?year=" + year + "&county=" + JINJIANG)
                .then()
                .statusCode(403);
        assertThat(after.getBoolean("deadlinePassed")).isTrue();
        Map<String, Object> county = after.getMap("counties[0]");
        assertThat(county)
                .containsEntry("code", JINJIANG)
                .containsEntry("name", "晋江市")
                .containsEntry("cityName", "泉州市")
                .containsEntry("provinceName", "福建省");
        assertThat(after.getMap("counties[0].counts"))
                .isEqualTo(Map.of("townships", 5, "onTime", 1, "late", 2, "missing", 2, "pending", 0));
        assertThat(township(after, ZIMAO))
                .containsEntry("timeliness", "ON_TIME")
                .containsEntry("state", "APPROVED")
                .containsEntry("name", "晋江市紫帽镇人民政府");
        assertThat(township(after, CHIDIAN)).containsEntry("timeliness", "LATE").containsEntry("state", "APPROVED");
        assertThat(OffsetDateTime.parse((String) township(after, CHIDIAN).get("completedAt"))
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse(next + "-02-02T09:00:00+08:00").toInstant());
        assertThat(OffsetDateTime.parse((String) township(after, CHIDIAN).get("approvedAt"))
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse(next + "-01-25T10:00:00+08:00").toInstant());
        assertThat(township(after, ANHAI)).containsEntry("timeliness", "LATE").containsEntry("latestVersion", 1);
        assertThat(township(after, SHENHU))
                .containsEntry("timeliness", "MISSING")
                .containsEntry("state", "AWAITING_REVIEW");
        assertThat(township(after, JINJING))
                .containsEntry("timeliness", "MISSING")
                .containsEntry("state", null)
                .containsEntry("latestCaseId", null);
    }

    @Test
    void theProvinceSeesEveryCountyAndTheTotals() {
        int year = newYear();
        int next = year + 1;
        now(next, "01-10T10:00:00");
        approve(reviewer(MENGJIN), open(HUIMENG, year, 1));
        now(next, "03-01T00:00:00");
        JsonPath body = completeness(provinceAdmin(), year);
        assertThat(body.getString("scope")).isEqualTo("province");
        assertThat(body.getList("counties.code")).containsExactly("350582", "110114", "360982", "230724", "410308");
        // 10 townships in the registry: Huimeng on time, the other nine missing
        assertThat(body.getMap("totals"))
                .isEqualTo(Map.of("townships", 10, "onTime", 1, "late", 0, "missing", 9, "pending", 0));
        assertThat(body.getMap("counties.find { it.code == '410308' }.counts"))
                .isEqualTo(Map.of("townships", 2, "onTime", 1, "late", 0, "missing", 1, "pending", 0));
        assertThat(township(body, HUIMENG)).containsEntry("timeliness", "ON_TIME");

        given().header("Authorization", provinceAdmin())
                .queryParam("year", year)
                .queryParam("county", MENGJIN)
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(200)
                .body("counties", hasSize(1))
                .body("totals.townships", equalTo(2))
                .body("scope", equalTo(MENGJIN));
    }

    @Test
    void theViewIsCacheableAndItsQuestionsAreChecked() {
        int year = newYear();
        String etag = given().header("Authorization", reviewer(JINJIANG))
                .queryParam("year", year)
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("Authorization", reviewer(JINJIANG))
                .queryParam("year", year)
                .header("If-None-Match", etag)
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(304);

        given().header("Authorization", reviewer(JINJIANG))
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", reviewer(JINJIANG))
                .queryParam("year", "2018")
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(400);
        given().header("Authorization", reviewer(JINJIANG))
                .queryParam("year", "soon")
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(400);
        given().header("Authorization", submitter(ZIMAO))
                .queryParam("year", year)
                .when()
                .get(COMPLETENESS)
                .then()
                .statusCode(403);
        given().queryParam("year", year).when().get(COMPLETENESS).then().statusCode(401);
    }
}

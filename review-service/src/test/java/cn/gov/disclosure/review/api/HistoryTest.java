package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.HistoryImported;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An earlier year's report loaded as history reaches review through Kafka: it stands beside the next year's case as
 * last year's (marked as history), counts in that year's summary, and is no approval in the deadlines view.
 */
@QuarkusTest
class HistoryTest {

    @Test
    void aHistoryIsLastYearsReportBesideTheCaseAndInTheSummaryButNoApproval() {
        int year = newYears(2);
        String auth = reviewer(JINJIANG);
        send(EventEnvelope.of(
                "/test/intake",
                new HistoryImported(
                        ZIMAO + "-" + year,
                        0,
                        ZIMAO,
                        "晋江市紫帽镇人民政府",
                        JINJIANG,
                        year,
                        SummaryTest.numbered(year, "晋江市紫帽镇人民政府", 3),
                        "紫帽镇年报.pdf",
                        "0".repeat(64),
                        List.of(),
                        "province-admin",
                        OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().header("Authorization", auth)
                        .queryParam("year", year)
                        .get("/api/v1/summary")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("members.code")
                        .contains(ZIMAO));

        String id = open(ZIMAO, year + 1, 1);
        JsonPath c = given().header("Authorization", auth)
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(c.getBoolean("lastYearApproved.history")).isTrue();
        assertThat(c.getInt("lastYearApproved.year")).isEqualTo(year);
        assertThat(c.getInt("lastYearApproved.version")).isZero();
        assertThat(c.getString("lastYearApproved.caseId")).isNull();

        JsonPath completeness = given().header("Authorization", auth)
                .queryParam("year", year)
                .get("/api/v1/completeness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(completeness.getString("counties[0].townships.find { it.code == '" + ZIMAO + "' }.approvedAt"))
                .as("a history is no approval in the platform")
                .isNull();
    }
}

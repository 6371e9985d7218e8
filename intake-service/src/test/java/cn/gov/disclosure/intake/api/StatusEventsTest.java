package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The township sees what validation, review and publication announce; redelivered and unreadable events are safe. */
@QuarkusTest
class StatusEventsTest {

    private static final String CHANGFU_AUTH = Townships.submitter(Townships.CHANGFU);

    /** Seed 002 as 昌傅镇 sends it; a corrected version differs in its section 一 (an identical one is refused). */
    private static int submitChangfu(String variant) {
        return given().header("Authorization", CHANGFU_AUTH)
                .contentType(ContentType.JSON)
                .body(Townships.seedAs(2, "樟树市昌傅镇", variant))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
    }

    private static String state(String reportId, int version) {
        return given().header("Authorization", CHANGFU_AUTH)
                .when()
                .get("/api/v1/reports/" + reportId + "/versions/" + version)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    private static void send(EventEnvelope<?> e) {
        KafkaProbe.send(e.topic(), e.key(), e.headers(), EventCodec.payloadJson(e.data()));
    }

    @Test
    void theVersionFollowsValidationReviewAndPublication() {
        int version = submitChangfu("");
        String reportId = Townships.CHANGFU + "-2021";
        OffsetDateTime now = OffsetDateTime.now();
        send(EventEnvelope.of(
                "/test",
                new ReportValidated(
                        reportId,
                        version,
                        Townships.CHANGFU,
                        "樟树市昌傅镇",
                        "360982",
                        2021,
                        now,
                        true,
                        List.of(new Finding(
                                "FEE-NOT-STATED",
                                Severity.WARNING,
                                Location.section(SectionKey.OTHER_MATTERS),
                                null,
                                null,
                                "未说明信息处理费",
                                "fees not stated")),
                        now,
                        GoldenSeeds.load(2))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> state(reportId, version).equals("AWAITING_REVIEW"));

        EventEnvelope<ReviewDecided> returned = EventEnvelope.of(
                "/test",
                new ReviewDecided(
                        reportId,
                        version,
                        Townships.CHANGFU,
                        "樟树市昌傅镇",
                        "360982",
                        2021,
                        ReviewDecided.Decision.RETURNED,
                        "请补充信息处理费说明",
                        "reviewer",
                        now,
                        GoldenSeeds.load(2),
                        List.of(),
                        List.of(),
                        List.of()));
        send(returned);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> state(reportId, version).equals("RETURNED"));
        given().header("Authorization", CHANGFU_AUTH)
                .when()
                .get("/api/v1/reports/" + reportId + "/versions/" + version)
                .then()
                .body("reviewComment", equalTo("请补充信息处理费说明"))
                .body("findings[0].code", equalTo("FEE-NOT-STATED"));

        int corrected = submitChangfu("（已按审核意见修改）");
        send(EventEnvelope.of(
                "/test",
                new ReviewDecided(
                        reportId,
                        corrected,
                        Townships.CHANGFU,
                        "樟树市昌傅镇",
                        "360982",
                        2021,
                        ReviewDecided.Decision.APPROVED,
                        null,
                        "reviewer",
                        now,
                        GoldenSeeds.load(2),
                        List.of(),
                        List.of(),
                        List.of())));
        send(EventEnvelope.of(
                "/test",
                new ReportPublished(
                        reportId,
                        corrected,
                        Townships.CHANGFU,
                        2021,
                        "http://portal/reports/360982103/2021",
                        "bag-1",
                        now)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> state(reportId, corrected).equals("PUBLISHED"));
        given().header("Authorization", CHANGFU_AUTH)
                .when()
                .get("/api/v1/reports/" + reportId + "/versions/" + corrected)
                .then()
                .body("publicUrl", equalTo("http://portal/reports/360982103/2021"));

        // an approved report takes no new version
        given().header("Authorization", CHANGFU_AUTH)
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(2))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(409);

        // the returned decision delivered again changes nothing
        send(returned);
        send(EventEnvelope.of(
                "/test",
                new ReportValidated(
                        reportId,
                        corrected,
                        Townships.CHANGFU,
                        "樟树市昌傅镇",
                        "360982",
                        2021,
                        now,
                        false,
                        List.of(),
                        now,
                        GoldenSeeds.load(2))));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> state(reportId, corrected).equals("PUBLISHED")
                        && state(reportId, version).equals("RETURNED"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        KafkaProbe.send(Topics.REPORT_VALIDATED, "garbage-key", Map.of("ce_type", "nonsense"), "{not json");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !KafkaProbe.readAll(
                                Topics.deadLetter(Topics.REPORT_VALIDATED),
                                r -> "garbage-key".equals(r.key()),
                                Duration.ofSeconds(1))
                        .isEmpty());
        String auth = Townships.submitter(Townships.JINJING);
        String reportId = Townships.JINJING + "-2020";
        int version = given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(Townships.seedAs(3, "金井镇", ""))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
        OffsetDateTime now = OffsetDateTime.now();
        send(EventEnvelope.of(
                "/test",
                new ReportValidated(
                        reportId,
                        version,
                        Townships.JINJING,
                        "金井镇",
                        "350582",
                        2020,
                        now,
                        false,
                        List.of(),
                        now,
                        GoldenSeeds.load(3))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().header("Authorization", auth)
                        .when()
                        .get("/api/v1/reports/" + reportId + "/versions/" + version)
                        .then()
                        .extract()
                        .path("state")
                        .equals("VALIDATION_FAILED"));
    }
}

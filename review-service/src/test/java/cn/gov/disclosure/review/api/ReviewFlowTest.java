package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventType;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReportWithdrawn;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.infra.RealInfrastructureResource;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The flow through the real Kafka: report validated in, a case per version (once), failed versions recorded, newer
 * versions superseding older ones, unreadable records to the DLQ, and review decided out after a decision over the
 * API. This class carries the test resources of the whole suite (one Quarkus boot).
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructureResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "review"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class ReviewFlowTest {

    @Test
    void aValidatedReportBecomesACaseAndItsApprovalIsAnnouncedOnKafka() {
        int year = newYear();
        EventEnvelope<ReportValidated> e = validated(HUIMENG, year, 1, true, List.of(RULES_WARNING, INFO));
        send(e);
        String id = awaitCase(HUIMENG + "-" + year + "-v1");
        String auth = reviewer(MENGJIN);

        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("AWAITING_REVIEW"))
                .body("organisationCode", equalTo(HUIMENG))
                .body("countyCode", equalTo(MENGJIN))
                .body("countyName", equalTo("孟津区"))
                .body("warningCount", equalTo(1))
                .body("findings.code", contains("RULES-AT-TOWNSHIP", "PREV-YEAR-UNAVAILABLE"))
                .body("warningsToAcknowledge", hasSize(1))
                .body("report.year", equalTo(year))
                .body("allowedActions", contains("claim"));

        claim(auth, id);
        act(
                        auth,
                        id,
                        "approve",
                        Map.of(
                                "comment",
                                "同意公开",
                                "acknowledgements",
                                List.of(Map.of(
                                        "findingCode",
                                        "RULES-AT-TOWNSHIP",
                                        "row",
                                        "rules",
                                        "column",
                                        "issued",
                                        "note",
                                        "已核实"))))
                .statusCode(200)
                .body("state", equalTo("APPROVED"));

        List<ConsumerRecord<String, String>> records =
                awaitRecords(Topics.REVIEW_DECIDED, e.data().reportId(), 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(EventType.REVIEW_DECIDED.type());
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/annual-report/review-service");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(e.data().reportId());
        ReviewDecided d = parseDecided(record);
        assertThat(d.decision()).isEqualTo(ReviewDecided.Decision.APPROVED);
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.comment()).isEqualTo("同意公开");
        assertThat(d.decidedBy()).isEqualTo("reviewer-" + MENGJIN);
        assertThat(d.countyCode()).isEqualTo(MENGJIN);
        assertThat(d.report()).isEqualTo(e.data().report());
        assertThat(d.findings()).isEqualTo(e.data().findings());
        assertThat(d.acknowledgements()).singleElement().satisfies(a -> {
            assertThat(a.findingCode()).isEqualTo("RULES-AT-TOWNSHIP");
            assertThat(a.row()).isEqualTo("rules");
            assertThat(a.column()).isEqualTo("issued");
            assertThat(a.note()).isEqualTo("已核实");
            assertThat(a.acknowledgedBy()).isEqualTo("reviewer-" + MENGJIN);
        });
        assertThat(d.auditTrail())
                .extracting(ReviewDecided.AuditEntry::to)
                .containsExactly("AWAITING_REVIEW", "IN_REVIEW", "APPROVED");
        assertThat(d.auditTrail().get(2).actor()).isEqualTo("reviewer-" + MENGJIN);
        assertThat(d.auditTrail().get(2).from()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aReturnIsAnnouncedWithTheCommentForTheTownship() {
        int year = newYear();
        String id = open(PINGLE, year, 1);
        String auth = reviewer(MENGJIN);
        claim(auth, id);
        act(auth, id, "return", returnBody("表三第一行合计有误，请核对后重新提交"))
                .statusCode(200)
                .body("state", equalTo("RETURNED"))
                .body("decision.decision", equalTo("RETURNED"))
                .body("decision.comment", equalTo("表三第一行合计有误，请核对后重新提交"));
        ReviewDecided d = decided(PINGLE + "-" + year, 1).get(0);
        assertThat(d.decision()).isEqualTo(ReviewDecided.Decision.RETURNED);
        assertThat(d.comment()).isEqualTo("表三第一行合计有误，请核对后重新提交");
        assertThat(d.acknowledgements()).isEmpty();
    }

    @Test
    void theSameEventTwiceOrTheSameVersionAgainMakesOneCase() {
        int year = newYear();
        EventEnvelope<ReportValidated> e = validated(ZIMAO, year, 1, true, List.of());
        send(e);
        send(e); // redelivered: same ce_id
        send(validated(ZIMAO, year, 1, true, List.of())); // the same version announced again: another ce_id
        String id = awaitCase(ZIMAO + "-" + year + "-v1");
        EventEnvelope<ReportValidated> marker = validated(ZIMAO, year, 2, true, List.of());
        send(marker); // same key, same partition: handled after the others
        awaitCase(ZIMAO + "-" + year + "-v2");
        given().header("Authorization", provinceAdmin())
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + id + "/audit")
                .then()
                .statusCode(200)
                .body("entries.to", contains("AWAITING_REVIEW", "SUPERSEDED"));
    }

    @Test
    void aVersionTheTownshipWithdrawsEndsWithdrawnEvenWhenTheWithdrawalArrivesFirst() {
        int year = newYear();
        String reportId = ANHAI + "-" + year;
        String claimed = open(ANHAI, year, 1, RULES_WARNING);
        claim(reviewer(JINJIANG), claimed);
        send(EventEnvelope.of("/test", new ReportWithdrawn(reportId, 1, ANHAI, year, "staff", OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> state(claimed).equals("WITHDRAWN"));
        given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + claimed + "/audit")
                .then()
                .statusCode(200)
                .body("entries.to", contains("AWAITING_REVIEW", "IN_REVIEW", "WITHDRAWN"));

        // withdrawn before validation's result arrives: the case opens and ends at once
        send(EventEnvelope.of("/test", new ReportWithdrawn(reportId, 2, ANHAI, year, "staff", OffsetDateTime.now())));
        send(validated(ANHAI, year, 2, true, List.of()));
        String early = awaitCase(reportId + "-v2");
        await().atMost(Duration.ofSeconds(30)).until(() -> state(early).equals("WITHDRAWN"));
        act(reviewer(JINJIANG), early, "claim", null).statusCode(409);
    }

    @Test
    void aFailedVersionIsRecordedWithItsFindingsSoTheCountySeesWhoIsStuck() {
        int year = newYear();
        send(validated(SHENHU, year, 1, false, List.of(BALANCE_ERROR, FEES_WARNING)));
        String id = awaitCase(SHENHU + "-" + year + "-v1");
        String auth = reviewer(JINJIANG);
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("VALIDATION_FAILED"))
                .body("passed", equalTo(false))
                .body("errorCount", equalTo(1))
                .body("findings[0].code", equalTo("T3-BALANCE"))
                .body("findings[0].severity", equalTo("error"))
                .body("allowedActions", hasSize(0));
        given().header("Authorization", auth)
                .queryParam("state", "VALIDATION_FAILED")
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("countsByState.VALIDATION_FAILED", equalTo(1));
        act(auth, id, "claim", null).statusCode(409).body("state", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aNewVersionSupersedesTheOpenCaseOfTheOlderOne() {
        int year = newYear();
        String auth = reviewer(JINJIANG);
        String v1 = open(ANHAI, year, 1);
        claim(auth, v1);
        act(auth, v1, "return", returnBody("请补充第六部分")).statusCode(200);

        String v2 = open(ANHAI, year, 2, FEES_WARNING);
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + v1)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(v2))
                .body("decision.decision", equalTo("RETURNED"));
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + v1 + "/audit")
                .then()
                .statusCode(200)
                .body("entries.to", contains("AWAITING_REVIEW", "IN_REVIEW", "RETURNED", "SUPERSEDED"))
                .body("entries[3].from", equalTo("RETURNED"))
                .body("entries[3].actor", equalTo("review-service"));
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + v2)
                .then()
                .statusCode(200)
                .body("state", equalTo("AWAITING_REVIEW"))
                .body("previousVersion.caseId", equalTo(v1))
                .body("previousVersion.state", equalTo("SUPERSEDED"))
                .body("previousVersion.report.year", equalTo(year))
                .body("lastYearApproved", nullValue());

        // a case in review is superseded too, and its reviewer lets go of it
        claim(auth, v2);
        String v3 = open(ANHAI, year, 3);
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + v2)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUPERSEDED"))
                .body("claimedBy", nullValue())
                .body("allowedActions", hasSize(0));

        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + v3)
                .then()
                .body("state", equalTo("AWAITING_REVIEW"));
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsSupersededAtOnce() {
        int year = newYear();
        String v2 = open(JINJING, year, 2);
        send(validated(JINJING, year, 1, true, List.of()));
        String v1 = awaitCase(JINJING + "-" + year + "-v1");
        given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + v1)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(v2));
        given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + v2)
                .then()
                .body("state", equalTo("AWAITING_REVIEW"));
    }

    @Test
    void lastYearsApprovedReportIsShownBesideThisYears() {
        int lastYear = newYears(2);
        String auth = reviewer(JINJIANG);
        String old = open(CHIDIAN, lastYear, 1);
        String current = open(CHIDIAN, lastYear + 1, 1);
        String etagBefore = etag(current);
        claim(auth, old);
        act(auth, old, "approve", Map.of()).statusCode(200);
        String etagAfter = etag(current);
        assertThat(etagAfter)
                .as("the case of the next year changed: it now shows last year's report")
                .isNotEqualTo(etagBefore);
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + current)
                .then()
                .statusCode(200)
                .body("lastYearApproved.caseId", equalTo(old))
                .body("lastYearApproved.year", equalTo(lastYear))
                .body("lastYearApproved.report.year", equalTo(lastYear));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillHandled() {
        String key = "garbage-" + System.nanoTime();
        KafkaProbe.send(
                Topics.REPORT_VALIDATED,
                key,
                Map.of("ce_type", EventType.REPORT_VALIDATED.type()),
                "{\"not\": \"an event\"");
        List<ConsumerRecord<String, String>> dead = awaitRecords(Topics.deadLetter(Topics.REPORT_VALIDATED), key, 1);
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).isNotBlank();

        int year = newYear();
        open(HUIMENG, year, 1);
    }

    static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.readAll(topic, r -> key.equals(r.key()), Duration.ofMillis(300))
                                .size()
                        >= expected);
        return KafkaProbe.readAll(topic, r -> key.equals(r.key()), Duration.ofSeconds(1));
    }
}

package cn.gov.disclosure.validation.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventType;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.infra.RealInfrastructureResource;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import cn.gov.disclosure.validation.store.ApprovedReports;
import cn.gov.disclosure.validation.store.ValidationResults;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** report submitted in through the real Kafka, report validated out; once per version; garbage to the DLQ. */
@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructureResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "validation"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class ValidationFlowTest {

    @Inject
    ValidationResults results;

    @Inject
    ApprovedReports approved;

    static EventEnvelope<ReportSubmitted> submitted(String org, String name, String county, int seed, int version) {
        AnnualReport report = GoldenSeeds.load(seed);
        String reportId = org + "-" + report.year();
        return EventEnvelope.of(
                "/test",
                new ReportSubmitted(
                        reportId,
                        version,
                        org,
                        name,
                        county,
                        report.year(),
                        OffsetDateTime.now(),
                        "staff",
                        report,
                        List.of()));
    }

    static void send(EventEnvelope<?> e) {
        KafkaProbe.send(e.topic(), e.key(), e.headers(), EventCodec.payloadJson(e.data()));
    }

    static List<ReportValidated> validated(String reportId, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.readAll(
                                        Topics.REPORT_VALIDATED, r -> reportId.equals(r.key()), Duration.ofMillis(300))
                                .size()
                        >= expected);
        return KafkaProbe.readAll(Topics.REPORT_VALIDATED, r -> reportId.equals(r.key()), Duration.ofSeconds(2))
                .stream()
                .map(ValidationFlowTest::parse)
                .toList();
    }

    static ReportValidated parse(ConsumerRecord<String, String> r) {
        try {
            return ContractsJson.mapper().readValue(r.value(), ReportValidated.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReportWithoutSectionSixFailsWithTheFindingNamed() {
        EventEnvelope<ReportSubmitted> e = submitted("110114102", "南口镇", "110114", 1, 1);
        send(e);
        List<ReportValidated> out = validated(e.subject(), 1);
        assertThat(out).hasSize(1);
        ReportValidated v = out.get(0);
        assertThat(v.passed()).isFalse();
        assertThat(v.report()).isEqualTo(GoldenSeeds.load(1));
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SECTION-MISSING");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void theSameEventTwiceGivesOneResultAndOneEvent() {
        EventEnvelope<ReportSubmitted> e = submitted("230724100", "红星镇", "230724", 3, 1);
        send(e);
        send(e);
        List<ReportValidated> out = validated(e.subject(), 1);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).passed()).isTrue();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> results.count("reportId = ?1 and version = ?2", e.subject(), 1)))
                .isEqualTo(1);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextEventIsStillValidated() {
        KafkaProbe.send(
                Topics.REPORT_SUBMITTED,
                "garbage",
                Map.of("ce_type", EventType().type()),
                "{\"not\": \"a report\"");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !KafkaProbe.readAll(
                                Topics.deadLetter(Topics.REPORT_SUBMITTED),
                                r -> "garbage".equals(r.key()),
                                Duration.ofMillis(500))
                        .isEmpty());
        ConsumerRecord<String, String> dead = KafkaProbe.readAll(
                        Topics.deadLetter(Topics.REPORT_SUBMITTED),
                        r -> "garbage".equals(r.key()),
                        Duration.ofMillis(500))
                .get(0);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).isNotBlank();

        EventEnvelope<ReportSubmitted> next = submitted("360982103", "樟树市昌傅镇", "360982", 2, 1);
        send(next);
        assertThat(validated(next.subject(), 1))
                .hasSize(1)
                .allSatisfy(v -> assertThat(v.passed()).isTrue());
    }

    @Test
    void lastYearsApprovedReportIsUsedForTheCrossYearChecks() {
        AnnualReport lastYear = GoldenSeeds.load(0); // 紫帽镇 2020, approved
        send(EventEnvelope.of(
                "/test",
                new ReviewDecided(
                        "350582107-2020",
                        1,
                        "350582107",
                        "晋江市紫帽镇人民政府",
                        "350582",
                        2020,
                        ReviewDecided.Decision.APPROVED,
                        null,
                        "reviewer",
                        OffsetDateTime.now(),
                        lastYear,
                        List.of(),
                        List.of(),
                        List.of())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> approved.report("350582107", 2020).isPresent()));

        AnnualReport thisYear = GoldenSeeds.load(4); // a 2021 report, submitted for 紫帽镇 2021
        EventEnvelope<ReportSubmitted> e = EventEnvelope.of(
                "/test",
                new ReportSubmitted(
                        "350582107-2021",
                        1,
                        "350582107",
                        thisYear.organisationName(),
                        "350582",
                        2021,
                        OffsetDateTime.now(),
                        "staff",
                        thisYear,
                        List.of()));
        send(e);
        List<String> codes = validated(e.subject(), 1).get(0).findings().stream()
                .map(Finding::code)
                .toList();
        assertThat(codes).doesNotContain("PREV-YEAR-UNAVAILABLE");

        EventEnvelope<ReportSubmitted> none = submitted("410308101", "会盟镇人民政府", "410308", 4, 1);
        send(none);
        assertThat(validated(none.subject(), 1).get(0).findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("PREV-YEAR-UNAVAILABLE");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
    }

    private static EventType EventType() {
        return EventType.REPORT_SUBMITTED;
    }
}

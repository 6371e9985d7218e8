package cn.gov.disclosure.validation.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventType;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
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
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

    @Inject
    EntityManager entityManager;

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

    @Test
    void aHistoryLoadedByTheProvinceIsLastYearsReportUntilThePlatformApprovesOne() {
        // 池店镇's 2021 report loaded as history (seed 004: 四、结转下年度继续办理 0)
        AnnualReport history = GoldenSeeds.load(4);
        send(EventEnvelope.of(
                "/test/intake",
                new HistoryImported(
                        "350582102-2021",
                        0,
                        "350582102",
                        "晋江市池店镇人民政府",
                        "350582",
                        2021,
                        history,
                        "池店镇2021年报.pdf",
                        "0".repeat(64),
                        List.of(),
                        "province-admin",
                        OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> approved.report("350582102", 2021).isPresent()));

        // 2022 says 5 applications were carried over from 2021, where the history carried none forward
        AnnualReport thisYear = carriedOver(GoldenSeeds.load(4), 2022, 5);
        EventEnvelope<ReportSubmitted> e = EventEnvelope.of(
                "/test",
                new ReportSubmitted(
                        "350582102-2022",
                        1,
                        "350582102",
                        "晋江市池店镇人民政府",
                        "350582",
                        2022,
                        OffsetDateTime.now(),
                        "staff",
                        thisYear,
                        List.of()));
        send(e);
        List<String> codes = validated(e.subject(), 1).get(0).findings().stream()
                .map(Finding::code)
                .toList();
        assertThat(codes).doesNotContain("PREV-YEAR-UNAVAILABLE").contains("PREV-CARRIED-OVER");

        // the platform's approval of 2021 replaces the history; a later history does not replace it
        send(EventEnvelope.of(
                "/test",
                new ReviewDecided(
                        "350582102-2021",
                        2,
                        "350582102",
                        "晋江市池店镇人民政府",
                        "350582",
                        2021,
                        ReviewDecided.Decision.APPROVED,
                        null,
                        "reviewer",
                        OffsetDateTime.now(),
                        carriedOver(history, 2021, 7),
                        List.of(),
                        List.of(),
                        List.of())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> approved.report("350582102", 2021)
                                .map(r -> r.applications()
                                                .value("carriedOver", "total")
                                                .intValue()
                                        == 7)
                                .orElse(false)));
        EventEnvelope<HistoryImported> again = EventEnvelope.of(
                "/test/intake",
                new HistoryImported(
                        "350582102-2021",
                        0,
                        "350582102",
                        "晋江市池店镇人民政府",
                        "350582",
                        2021,
                        history,
                        "again.pdf",
                        "1".repeat(64),
                        List.of(),
                        "province-admin",
                        OffsetDateTime.now()));
        send(again);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                                .createNativeQuery(
                                                        "SELECT count(*) FROM processed_event WHERE event_id = ?1")
                                                .setParameter(1, again.id())
                                                .getSingleResult())
                                        .intValue()
                                == 1));
        EventEnvelope<ReportSubmitted> later = EventEnvelope.of(
                "/test",
                new ReportSubmitted(
                        "350582102-2022",
                        2,
                        "350582102",
                        "晋江市池店镇人民政府",
                        "350582",
                        2022,
                        OffsetDateTime.now(),
                        "staff",
                        thisYear,
                        List.of()));
        send(later);
        assertThat(validated(later.subject(), 2))
                .as("the history after it changed nothing: the platform's report is last year's")
                .anySatisfy(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> approved.report("350582102", 2021).orElseThrow()))
                .satisfies(r -> assertThat(r.applications().value("carriedOver", "total"))
                        .isEqualByComparingTo("7"));
    }

    /** The report as of {@code year}, with 二、上年结转 总计 (and its 自然人 cell) set to {@code n}. */
    private static AnnualReport carriedOver(AnnualReport r, int year, int n) {
        Map<String, Map<String, Cell>> rows =
                new LinkedHashMap<>(r.applications().rows());
        Map<String, Cell> row = new LinkedHashMap<>(rows.get("carriedOver"));
        row.put("naturalPerson", Cell.of(n));
        row.put("total", Cell.of(n));
        rows.put("carriedOver", row);
        return new AnnualReport(
                r.organisationName(),
                year,
                r.template(),
                r.title(),
                r.sections(),
                r.activeDisclosure(),
                new ReportTable(rows),
                r.reviewsAndLitigation());
    }

    private static EventType EventType() {
        return EventType.REPORT_SUBMITTED;
    }
}

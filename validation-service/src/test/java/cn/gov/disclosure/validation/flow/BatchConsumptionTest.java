package cn.gov.disclosure.validation.flow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.validation.store.ApprovedReports;
import cn.gov.disclosure.validation.store.ValidationResult;
import cn.gov.disclosure.validation.store.ValidationResults;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * A poll handled as one transaction (Inbox.handle): the flow's consumer methods called with a poll as the Kafka
 * connector hands it over, against the real PostgreSQL. A record that cannot be read, or that its handler refuses, is
 * parked on the dead-letter topic alone, its neighbours handled; the same poll delivered again changes nothing.
 */
@QuarkusTest
class BatchConsumptionTest {

    /** Offsets no other test of this run uses (a parked record's inbox row is keyed by its position). */
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    ValidationFlow flow;

    @Inject
    ValidationResults results;

    @Inject
    ApprovedReports approved;

    @Inject
    EntityManager entityManager;

    @Test
    void anUnreadableRecordInAPollIsParkedAloneAndThePollIsHandledOnce() {
        String run = "350582107-poll-" + System.nanoTime();
        EventEnvelope<ReportSubmitted> a = submitted(run + "-a");
        EventEnvelope<ReportSubmitted> b = submitted(run + "-b");
        ConsumerRecord<String, String> garbage = record(Topics.REPORT_SUBMITTED, run + "-x", Map.of(), "{not json");
        ConsumerRecords<String, String> poll =
                poll(record(a), garbage, record(b), record(a)); // a twice: the relay sent it again

        flow.onSubmitted(poll);

        assertThat(result(a)).as("a validated").isPresent();
        assertThat(result(b)).as("b validated, after the garbage").isPresent();
        assertThat(outbox(Topics.REPORT_VALIDATED, a.key()))
                .as("a announced once")
                .hasSize(1);
        assertThat(outbox(Topics.REPORT_VALIDATED, b.key())).hasSize(1);
        List<Map<String, String>> parked = outbox(Topics.deadLetter(Topics.REPORT_SUBMITTED), garbage.key());
        assertThat(parked).as("the garbage parked").hasSize(1);
        assertThat(parked.get(0))
                .containsEntry("dead-letter-topic", Topics.REPORT_SUBMITTED)
                .containsEntry("dead-letter-offset", String.valueOf(garbage.offset()))
                .containsKey("dead-letter-reason");

        // the same poll again (the offsets were not committed before a crash): nothing changes
        flow.onSubmitted(poll);
        assertThat(outbox(Topics.REPORT_VALIDATED, a.key())).hasSize(1);
        assertThat(outbox(Topics.REPORT_VALIDATED, b.key())).hasSize(1);
        assertThat(outbox(Topics.deadLetter(Topics.REPORT_SUBMITTED), garbage.key()))
                .hasSize(1);
    }

    @Test
    void aRecordItsHandlerRefusesIsParkedAloneAndItsNeighboursAreKept() {
        int year = 2200 + (int) (System.nanoTime() % 500);
        EventEnvelope<HistoryImported> first = history("350582101", year, GoldenSeeds.load(0));
        EventEnvelope<HistoryImported> refused = history("350582102", year, null); // no report: the handler refuses
        EventEnvelope<HistoryImported> last = history("350582103", year, GoldenSeeds.load(1));
        ConsumerRecords<String, String> poll = poll(record(first), record(refused), record(last));

        flow.onHistory(poll);

        assertThat(kept("350582101", year)).as("the record before").isTrue();
        assertThat(kept("350582103", year)).as("the record after").isTrue();
        assertThat(kept("350582102", year)).isFalse();
        List<Map<String, String>> parked = outbox(Topics.deadLetter(Topics.HISTORY_IMPORTED), refused.key());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).get("dead-letter-reason")).contains("without its report");
        assertThat(parked.get(0)).containsEntry("ce_id", refused.id());

        flow.onHistory(poll);
        assertThat(outbox(Topics.deadLetter(Topics.HISTORY_IMPORTED), refused.key()))
                .as("parked once")
                .hasSize(1);
    }

    static EventEnvelope<ReportSubmitted> submitted(String reportId) {
        return EventEnvelope.of(
                "/test/intake",
                new ReportSubmitted(
                        reportId,
                        1,
                        "350582107",
                        "晋江市紫帽镇人民政府",
                        "350582",
                        2020,
                        OffsetDateTime.now(),
                        "clerk",
                        GoldenSeeds.load(0),
                        List.of()));
    }

    private static EventEnvelope<HistoryImported> history(String organisation, int year, AnnualReport report) {
        return EventEnvelope.of(
                "/test/intake",
                new HistoryImported(
                        organisation + "-" + year,
                        0,
                        organisation,
                        "晋江市某镇人民政府",
                        "350582",
                        year,
                        report,
                        "history.pdf",
                        "0".repeat(64),
                        List.of(),
                        "province-admin",
                        OffsetDateTime.now()));
    }

    static ConsumerRecord<String, String> record(EventEnvelope<?> e) {
        return record(e.topic(), e.key(), e.headers(), EventCodec.payloadJson(e.data()));
    }

    private static ConsumerRecord<String, String> record(
            String topic, String key, Map<String, String> headers, String value) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(
                topic,
                0,
                OFFSETS.incrementAndGet(),
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                h,
                Optional.empty());
    }

    @SafeVarargs
    static ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(List.of(records));
        return new ConsumerRecords<>(Map.of(new TopicPartition(list.get(0).topic(), 0), list), Map.of());
    }

    private Optional<ValidationResult> result(EventEnvelope<ReportSubmitted> e) {
        return QuarkusTransaction.requiringNew()
                .call(() -> results.findByIdOptional(
                        new ValidationResult.Key(e.data().reportId(), 1)));
    }

    private boolean kept(String organisation, int year) {
        return QuarkusTransaction.requiringNew()
                .call(() -> approved.report(organisation, year).isPresent());
    }

    /** The headers of the outbox rows for {@code topic} and {@code key}. */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> outbox(String topic, String key) {
        List<String> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "SELECT headers::text FROM outbox_event WHERE topic = ?1 AND record_key = ?2",
                                String.class)
                        .setParameter(1, topic)
                        .setParameter(2, key)
                        .getResultList());
        return rows.stream()
                .map(json -> {
                    try {
                        return ContractsJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .toList();
    }
}

package cn.gov.disclosure.validation.flow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.infra.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * How many SQL statements consuming one report submitted costs in the validation database (Hibernate's statistics,
 * on in the test profile). The number is the budget: a change that makes it cost more fails here and says why.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessions;

    @Inject
    ValidationFlow flow;

    private static ConsumerRecords<String, String> poll(ConsumerRecord<String, String> record) {
        return new ConsumerRecords<>(
                Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record)), Map.of());
    }

    @Test
    void validatingASubmittedReportTakesFiveStatements() throws Exception {
        String reportId = "350582107-count-" + System.nanoTime();
        EventEnvelope<ReportSubmitted> e = EventEnvelope.of(
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
        RecordHeaders headers = new RecordHeaders();
        e.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                e.topic(),
                0,
                0L,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                e.key(),
                EventCodec.payloadJson(e.data()),
                headers,
                Optional.empty());

        Statistics stats = sessions.getStatistics();
        long statements = StatementCount.of(stats::getPrepareStatementCount, stats::clear, () -> {
                    flow.onSubmitted(poll(record));
                    return null;
                })
                .statements();

        // the inbox (ON CONFLICT), last year's approved report, the version's earlier result (none) and this one,
        // the outbox event
        assertThat(statements).as("statements of consuming report submitted").isLessThanOrEqualTo(5);
        stats.clear();
        flow.onSubmitted(poll(record));
        assertThat(stats.getPrepareStatementCount())
                .as("a redelivery: the inbox only")
                .isEqualTo(1);
    }
}

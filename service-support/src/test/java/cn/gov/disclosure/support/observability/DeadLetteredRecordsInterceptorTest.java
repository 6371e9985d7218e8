package cn.gov.disclosure.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The failure strategy's last resort dead-letters a whole poll: every record of it is counted, on its own topic. */
class DeadLetteredRecordsInterceptorTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void count() {
        Metrics.globalRegistry.add(registry);
    }

    @AfterEach
    void stopCounting() {
        Metrics.globalRegistry.remove(registry);
    }

    @Test
    void aPollNackedWholeCountsEachOfItsRecords() {
        TopicPartition p0 = new TopicPartition("annual-report.submitted", 0);
        TopicPartition p1 = new TopicPartition("annual-report.submitted", 1);
        ConsumerRecords<String, String> poll = new ConsumerRecords<>(Map.of(
                p0, List.of(record(p0, 7, "a-2025"), record(p0, 8, "b-2025")), p1, List.of(record(p1, 3, "c-2025"))));
        Message<String> batch = Message.of(
                "poll", Metadata.of(new IncomingKafkaRecordBatchMetadata<>(poll, "report-submitted", Map.of())));

        new DeadLetteredRecordsInterceptor().onMessageNack(batch, new IllegalStateException("database away"));

        assertThat(deadLettered("annual-report.submitted")).isEqualTo(3.0);
    }

    @Test
    void aRecordWithoutKafkaMetadataIsCountedUnderUnknown() {
        new DeadLetteredRecordsInterceptor().onMessageNack(Message.of("x"), null);

        assertThat(deadLettered("unknown")).isEqualTo(1.0);
        assertThat(deadLettered("annual-report.submitted")).isZero();
    }

    private double deadLettered(String topic) {
        Counter c =
                registry.find(EventMetrics.DEAD_LETTERED).tag("topic", topic).counter();
        return c == null ? 0 : c.count();
    }

    private static ConsumerRecord<String, String> record(TopicPartition p, long offset, String key) {
        return new ConsumerRecord<>(p.topic(), p.partition(), offset, key, "{}");
    }
}

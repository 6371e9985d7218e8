package cn.gov.disclosure.system;

import cn.gov.disclosure.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What an operator reads off the broker: records on the dead-letter topics, and each consumer group's lag. */
public final class KafkaWatch implements AutoCloseable {

    /** The consumer groups of the platform and the topics each consumes. */
    public static final Map<String, List<String>> GROUPS = Map.of(
            "validation-service", List.of(Topics.REPORT_SUBMITTED, Topics.REVIEW_DECIDED, Topics.HISTORY_IMPORTED),
            "review-service",
                    List.of(
                            Topics.REPORT_VALIDATED,
                            Topics.REPORT_WITHDRAWN,
                            Topics.REPORT_PUBLISHED,
                            Topics.HISTORY_IMPORTED),
            "publication-service", List.of(Topics.REVIEW_DECIDED),
            "intake-service", List.of(Topics.REPORT_VALIDATED, Topics.REVIEW_DECIDED, Topics.REPORT_PUBLISHED));

    private final Admin admin;
    private final String bootstrapServers;

    public KafkaWatch(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        admin = Admin.create(p);
    }

    /** Records on each dead-letter topic that exists ({@code <topic>.dlq}). */
    public Map<String, Long> deadLetters() {
        Map<String, Long> out = new LinkedHashMap<>();
        Set<String> existing = get(admin.listTopics().names());
        for (String topic : Topics.ALL) {
            String dlq = Topics.deadLetter(topic);
            out.put(dlq, existing.contains(dlq) ? records(dlq) : 0L);
        }
        return out;
    }

    /** Records written to a topic (the sum of its partitions' end offsets; 0 when it does not exist). */
    public long records(String topic) {
        if (!get(admin.listTopics().names()).contains(topic)) {
            return 0;
        }
        return endOffsets(List.of(topic)).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** How many records a topic holds of some reports, and how many distinct events (CloudEvents ids) they are. */
    public record EventCount(long records, long events, List<Duplicate> duplicates) {}

    /** An event found more than once on its topic: its id, how many times, the first and last record's timestamp. */
    public record Duplicate(String id, int times, long first, long last) {}

    /**
     * Reads every record of the platform's topics from the beginning and counts, per topic, the records whose key (the
     * report id) starts with {@code keyPrefix} and their distinct {@code ce_id}s: a relay that published an outbox row
     * twice shows as more records than events.
     */
    public Map<String, EventCount> events(String keyPrefix) {
        Map<String, EventCount> out = new LinkedHashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Set<String> existing = get(admin.listTopics().names());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    out.put(topic, new EventCount(0, 0, List.of()));
                    continue;
                }
                Map<TopicPartition, Long> end = endOffsets(List.of(topic));
                consumer.assign(end.keySet());
                consumer.seekToBeginning(end.keySet());
                long records = 0;
                Map<String, long[]> ids = new HashMap<>(); // id → times, first, last timestamp
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
                    }
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        Header id = r.headers().lastHeader("ce_id");
                        if (r.key() != null && r.key().startsWith(keyPrefix) && id != null) {
                            records++;
                            long[] seen = ids.computeIfAbsent(new String(id.value(), StandardCharsets.UTF_8), k ->
                                    new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                            seen[0]++;
                            seen[1] = Math.min(seen[1], r.timestamp());
                            seen[2] = Math.max(seen[2], r.timestamp());
                        }
                    }
                }
                List<Duplicate> duplicates = new ArrayList<>();
                ids.forEach((k, v) -> {
                    if (v[0] > 1) {
                        duplicates.add(new Duplicate(k, (int) v[0], v[1], v[2]));
                    }
                });
                out.put(topic, new EventCount(records, ids.size(), duplicates));
            }
        }
        return out;
    }

    /** How many records of its topics the group has not committed yet (the sum over partitions). */
    public long lag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Set<String> existing = get(admin.listTopics().names());
        List<String> topics = GROUPS.getOrDefault(group, List.of()).stream()
                .filter(existing::contains)
                .toList();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : endOffsets(topics).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** The lag of every group of the platform. */
    public Map<String, Long> lags() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String g : List.of("validation-service", "review-service", "publication-service", "intake-service")) {
            out.put(g, lag(g));
        }
        return out;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described =
                get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described
                .values()
                .forEach(d -> d.partitions()
                        .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r =
                get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static <T> T get(KafkaFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

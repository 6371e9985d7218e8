package cn.gov.disclosure.system;

import cn.gov.disclosure.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What an operator reads off the broker: records on the dead-letter topics, and each consumer group's lag. */
public final class KafkaWatch implements AutoCloseable {

    /** The consumer groups of the platform and the topics each consumes. */
    public static final Map<String, List<String>> GROUPS = Map.of(
            "validation-service", List.of(Topics.REPORT_SUBMITTED, Topics.REVIEW_DECIDED),
            "review-service", List.of(Topics.REPORT_VALIDATED, Topics.REPORT_WITHDRAWN, Topics.REPORT_PUBLISHED),
            "publication-service", List.of(Topics.REVIEW_DECIDED),
            "intake-service", List.of(Topics.REPORT_VALIDATED, Topics.REVIEW_DECIDED, Topics.REPORT_PUBLISHED));

    private final Admin admin;

    public KafkaWatch(String bootstrapServers) {
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
        return endOffsets(List.of(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many records of its topics the group has not committed yet (the sum over partitions). */
    public long lag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Set<String> existing = get(admin.listTopics().names());
        List<String> topics = GROUPS.getOrDefault(group, List.of()).stream().filter(existing::contains).toList();
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
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p ->
                request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}

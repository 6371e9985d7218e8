package cn.gov.disclosure.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@link DeadLetterReplay} against the real broker: dead letters go back to their topic once, without the reason. */
class DeadLetterReplayTest {

    @Test
    void targetIsTheTopicWithoutTheDlqSuffix() {
        assertEquals("annual-report.validated", DeadLetterReplay.targetOf("annual-report.validated.dlq"));
        assertEquals("annual-report.validated", DeadLetterReplay.targetOf("annual-report.validated"));
    }

    @Test
    void copiesTheDeadLettersBackOnceWithoutTheDeadLetterHeaders() throws Exception {
        String bootstrap = RealInfrastructureResource.kafka().bootstrapServers();
        String topic = "replay-test-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 2; i++) {
                ProducerRecord<String, String> r =
                        new ProducerRecord<>(topic + ".dlq", "350582107-2024", "{\"n\":" + i + "}");
                r.headers().add("ce_id", ("id-" + i).getBytes(StandardCharsets.UTF_8));
                r.headers().add("dead-letter-reason", "boom".getBytes(StandardCharsets.UTF_8));
                r.headers().add("dead-letter-topic", topic.getBytes(StandardCharsets.UTF_8));
                producer.send(r).get();
            }
        }
        String group = "replay-" + UUID.randomUUID();
        assertEquals(2, DeadLetterReplay.replay(bootstrap, topic + ".dlq", topic, group, true), "dry run lists them");
        assertEquals(2, DeadLetterReplay.replay(bootstrap, topic + ".dlq", topic, group, false));
        assertEquals(
                0,
                DeadLetterReplay.replay(bootstrap, topic + ".dlq", topic, group, false),
                "a second run replays nothing new");

        List<ConsumerRecord<String, String>> replayed = consumeAll(bootstrap, topic, 2);
        assertEquals(2, replayed.size());
        for (int i = 0; i < 2; i++) {
            ConsumerRecord<String, String> r = replayed.get(i);
            assertEquals("350582107-2024", r.key());
            assertEquals("{\"n\":" + i + "}", r.value());
            assertEquals("id-" + i, new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
            assertNull(r.headers().lastHeader("dead-letter-reason"));
            assertNull(r.headers().lastHeader("dead-letter-topic"));
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic, int expected) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return out;
    }
}

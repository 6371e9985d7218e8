package cn.gov.disclosure.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared broker of {@link RealInfrastructureResource}: produce, consume, stop, restart, consume again. */
class LocalKafkaTest {

    @Test
    void recordsSurviveARestartOnTheSamePortAndData() throws Exception {
        long t0 = System.nanoTime();
        LocalKafka kafka = RealInfrastructureResource.kafka();
        System.out.printf("kafka up (first start) in %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, kafka);
        assertTrue(kafka.isRunning());
        String bootstrap = kafka.bootstrapServers();
        assertEquals(bootstrap, RealInfrastructureResource.bootstrapServers());

        String topic = "infra-smoke";
        String value = "紫帽镇 " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "350582107", value)).get();
        }
        assertEquals(List.of(value), consumeAll(bootstrap, topic));

        long t1 = System.nanoTime();
        kafka.stop();
        System.out.printf("kafka stopped in %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        assertFalse(kafka.isRunning());
        assertFalse(Procs.portOpen(kafka.port()));

        kafka.start();
        System.out.printf("kafka restarted in %d ms%n", kafka.lastStartMillis());
        assertEquals(bootstrap, kafka.bootstrapServers(), "same port after a restart");
        assertEquals(List.of(value), consumeAll(bootstrap, topic), "the record is kept across the restart");
    }

    private static List<String> consumeAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "infra-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    return StreamSupport.stream(records.spliterator(), false)
                            .map(ConsumerRecord::value)
                            .toList();
                }
            }
            return List.of();
        }
    }
}

package cn.gov.disclosure.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays dead letters: copies the records of {@code <topic>.dlq} back to {@code <topic>} (key, value and headers
 * unchanged, without the {@code dead-letter-*} headers the consumer added), once the cause is fixed. Consumers drop
 * events they handled before (same {@code ce_id}), so replaying a record twice changes nothing.
 *
 * <p>It reads the dead-letter topic with its own consumer group ({@code dead-letter-replay}), committing after each
 * batch: a second run replays only what was dead-lettered since. {@code --dry-run} lists and copies nothing (and
 * commits nothing).
 *
 * <pre>
 *   deploy/replay-dlq.sh annual-report.validated [--bootstrap 127.0.0.1:9092] [--dry-run] [--group NAME]
 *   java -cp deploy/infra/target/classes:$(cat .../kafka.classpath) cn.gov.disclosure.infra.DeadLetterReplay TOPIC ...
 * </pre>
 * Exit codes: 0 done, 1 failure, 2 usage.
 */
public final class DeadLetterReplay {

    static final String DEAD_LETTER_SUFFIX = ".dlq";
    static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    private DeadLetterReplay() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String topic = null;
        String bootstrap = "127.0.0.1:" + LocalKafka.DEFAULT_PORT;
        String group = "dead-letter-replay";
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> {
                    if (++i >= args.length) return usage();
                    bootstrap = args[i];
                }
                case "--group" -> {
                    if (++i >= args.length) return usage();
                    group = args[i];
                }
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (args[i].startsWith("--") || topic != null) return usage();
                    topic = args[i];
                }
            }
        }
        if (topic == null) {
            return usage();
        }
        String target = targetOf(topic);
        String dlq = target + DEAD_LETTER_SUFFIX;
        try {
            long n = replay(bootstrap, dlq, target, group, dryRun);
            System.out.printf("%s %d record(s) from %s to %s%n", dryRun ? "would replay" : "replayed", n, dlq, target);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("replay failed: " + e);
            return 1;
        }
    }

    /** The topic to write to: {@code annual-report.validated} for both it and {@code annual-report.validated.dlq}. */
    static String targetOf(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())
                : topic;
    }

    /** The record to write back: same key, value and headers, minus the {@code dead-letter-*} ones. */
    static ProducerRecord<byte[], byte[]> replayRecord(ConsumerRecord<byte[], byte[]> dead, String target) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(target, dead.key(), dead.value());
        for (Header h : dead.headers()) {
            if (!h.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                out.headers().add(h.key(), h.value());
            }
        }
        return out;
    }

    static long replay(String bootstrap, String dlq, String target, String group, boolean dryRun) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            consumer.subscribe(List.of(dlq));
            int idle = 0;
            while (idle < 3) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(2));
                if (records.isEmpty()) {
                    idle++;
                    continue;
                }
                idle = 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    System.out.printf(
                            "%s %s-%d@%d key=%s reason=%s%n",
                            dryRun ? "would replay" : "replaying",
                            r.topic(),
                            r.partition(),
                            r.offset(),
                            text(r.key()),
                            text(header(r, "dead-letter-reason")));
                    if (!dryRun) {
                        producer.send(replayRecord(r, target)).get();
                    }
                    count++;
                }
                if (!dryRun) {
                    producer.flush();
                    consumer.commitSync();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + target, e.getCause());
        }
        return count;
    }

    private static byte[] header(ConsumerRecord<byte[], byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : h.value();
    }

    private static String text(byte[] b) {
        return b == null ? "-" : new String(b, StandardCharsets.UTF_8);
    }

    private static int usage() {
        System.err.println(
                "usage: DeadLetterReplay TOPIC|TOPIC.dlq [--bootstrap 127.0.0.1:9092] [--group dead-letter-replay] [--dry-run]");
        return 2;
    }
}

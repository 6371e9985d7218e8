package cn.gov.disclosure.system.load;

import cn.gov.disclosure.infra.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The throughput of the parts underneath the pipeline, measured on the same machine with records of the same size. */
public final class Ceilings {

    /** How many records in how many seconds. */
    public record Result(long records, double seconds) {
        public double rate() {
            return records / seconds;
        }
    }

    private Ceilings() {}

    /**
     * Produces {@code n} records of {@code size} bytes to a new topic (acks=all, idempotent, as the outbox relay
     * does, but batched: the broker's best) and consumes them all; the time of both.
     */
    public static Result kafka(String bootstrap, int n, int size) {
        String topic = "benchmark.ceiling." + UUID.randomUUID().toString().substring(0, 8);
        String value = "x".repeat(Math.max(1, size));
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            // three partitions, as the platform's topics; made before the clock starts
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, "report-" + i, value));
            }
            producer.flush();
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.assign(
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2)));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                seen += records.count();
            }
        }
        return new Result(seen, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Inserts {@code n} rows with a jsonb payload of {@code size} bytes into a new table, one transaction per row
     * over {@code connections} connections (as intake stores a submission in a transaction of its own).
     */
    public static Result postgres(LocalPostgres pg, int n, int size, int connections) throws Exception {
        String db = "ceiling";
        pg.createDatabase(db, db, db);
        String url = pg.jdbcUrl(db);
        try (Connection c = DriverManager.getConnection(url, db, db);
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS ceiling");
            st.execute("CREATE TABLE ceiling (report_id TEXT PRIMARY KEY, version INT NOT NULL, report JSONB NOT NULL, "
                    + "submitted_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        String payload = "{\"text\":\"" + "x".repeat(Math.max(1, size - 12)) + "\"}";
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        List<Future<Void>> jobs = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            jobs.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, db, db);
                        PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO ceiling (report_id, version, report) VALUES (?, 1, ?::jsonb)")) {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        ps.setString(1, "report-" + i);
                        ps.setString(2, payload);
                        ps.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<Void> j : jobs) {
            j.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(n, seconds);
    }
}

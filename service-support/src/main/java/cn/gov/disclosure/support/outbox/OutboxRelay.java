package cn.gov.disclosure.support.outbox;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.support.observability.EventMetrics;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Publishes the outbox to Kafka, oldest first, and marks each event published once the broker acknowledged it.
 *
 * <p>Replicas: each batch is one transaction that first takes the database's advisory lock of the relay
 * ({@code pg_try_advisory_xact_lock}); a replica that does not get it publishes nothing this time. So however many
 * replicas of a service run, one publishes at a time, in the outbox's order (per report, the order the events were
 * written), and a row is marked published in the same transaction that read it: no replica sends a row another sent.
 * (Claiming rows with {@code FOR UPDATE SKIP LOCKED} instead would let two replicas send one report's events out of
 * order.)
 *
 * <p>The producer is made from the Kafka configuration of the service ({@code kafka.*}, the same as its channels':
 * bootstrap servers, TLS, SASL), with the relay's own delivery settings; it is idempotent, so a retry inside the
 * client never writes a record twice, and its client metrics are in the service's registry. While the broker is
 * unreachable the events wait in the table and are retried on the next run. Consumers dedupe by {@code ce_id} for
 * the remaining at-least-once window (the acknowledgement or the commit lost after the write).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The relay's advisory lock in the service's database ("outbox" in ASCII). */
    static final long LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafka;
    private final OutboxConfig config;
    private final String clientId;
    private volatile KafkaProducer<String, String> producer;
    private volatile KafkaClientMetrics producerMetrics;

    /** The running relay, read by the backlog gauge (registered once per JVM, survives application restarts). */
    private static final AtomicReference<OutboxRelay> CURRENT = new AtomicReference<>();

    static {
        Gauge.builder(EventMetrics.OUTBOX_BACKLOG, CURRENT, OutboxRelay::backlogOrNaN)
                .description("Events stored in the outbox and not yet published to Kafka")
                .strongReference(true)
                .register(EventMetrics.registry());
    }

    private static double backlogOrNaN(AtomicReference<OutboxRelay> current) {
        OutboxRelay relay = current.get();
        if (relay == null) {
            return Double.NaN;
        }
        try {
            return relay.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public OutboxRelay(
            AgroalDataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            OutboxConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.config = config;
        this.clientId = applicationName + "-outbox-relay";
        CURRENT.set(this);
    }

    record Pending(long seq, String topic, String key, Map<String, String> headers, String payload) {}

    /** What one batch did: how many events it published, and whether the relay should go on at once. */
    record Batch(int published, boolean goOn) {
        static final Batch STOP = new Batch(0, false);
    }

    /** Permits: a transaction that wrote an event committed (or the relay is asked to stop). */
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;

    /**
     * The relay's own thread: it publishes as soon as a transaction that wrote an event commits ({@link #wake}), and
     * every {@code outbox.relay-interval} when nothing woke it.
     */
    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        long interval = config.relayInterval().toMillis();
        long linger = config.relayLinger().toMillis();
        while (running) {
            try {
                if (wakeUps.tryAcquire(interval, TimeUnit.MILLISECONDS) && linger > 0) {
                    Thread.sleep(linger); // let the commits of the next moments join this batch
                }
                wakeUps.drainPermits();
                if (running) {
                    publishPending();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay: %s; will retry", e.getMessage());
            }
        }
    }

    /** A transaction that wrote an event committed: publish now rather than at the next interval. */
    public void wake() {
        wakeUps.release();
    }

    /** Publishes what is pending, a batch at a time, while this replica holds the relay's lock. */
    public synchronized int publishPending() {
        int published = 0;
        Batch b;
        do {
            b = publishBatch();
            published += b.published();
        } while (b.goOn());
        return published;
    }

    /**
     * One batch, in one transaction under the relay's lock: the pending rows are all handed to the producer first (it
     * pipelines them; idempotent, so the order within a partition holds), then each acknowledgement is awaited in
     * order and the acknowledged ones are marked published. At the first failure the rest of the batch stays pending
     * and is sent again on the next run (the consumers' inbox drops what arrived twice).
     */
    Batch publishBatch() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!lock(c)) {
                    c.rollback();
                    return Batch.STOP; // another replica is publishing
                }
                List<Pending> batch = pending(c);
                if (batch.isEmpty()) {
                    c.commit();
                    return Batch.STOP;
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    try {
                        sent.add(send(p));
                    } catch (Exception e) {
                        // the producer refused at once (no metadata within max.block.ms: the broker is away): stop here
                        sent.add(CompletableFuture.failedFuture(e));
                        break;
                    }
                }
                List<Long> acknowledged = new ArrayList<>(batch.size());
                Exception failure = null;
                Pending failed = null;
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        sent.get(i).get(config.sendTimeoutMs() + 2000, TimeUnit.MILLISECONDS);
                        acknowledged.add(batch.get(i).seq());
                    } catch (Exception e) {
                        failure = e;
                        failed = batch.get(i);
                        break;
                    }
                }
                markPublished(c, acknowledged);
                if (failed != null) {
                    markFailed(c, failed.seq(), failure);
                }
                c.commit();
                for (int i = 0; i < acknowledged.size(); i++) {
                    EventMetrics.counter(
                                    EventMetrics.PUBLISHED,
                                    "topic",
                                    batch.get(i).topic())
                            .increment();
                }
                if (failed != null) {
                    EventMetrics.counter(EventMetrics.PUBLISH_FAILED, "topic", failed.topic())
                            .increment();
                    MDC.put(EventMetrics.MDC_REPORT_ID, failed.key() == null ? "" : failed.key());
                    LOG.warnf(
                            "Outbox relay: event %d to %s not published yet (%s); will retry",
                            failed.seq(), failed.topic(), failure.getMessage());
                    MDC.remove(EventMetrics.MDC_REPORT_ID);
                    return new Batch(acknowledged.size(), false);
                }
                return new Batch(acknowledged.size(), true);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            // the database is away, or the commit failed after sending: what was sent is sent again later
            LOG.warnf("Outbox relay: cannot read or mark the outbox (%s); will retry", e.getMessage());
            return Batch.STOP;
        }
    }

    /** Number of events not yet published (the outbox backlog). */
    public long backlog() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Future<RecordMetadata> send(Pending p) {
        ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.payload());
        p.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return producer().send(record);
    }

    private List<Pending> pending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, topic, record_key, headers::text, payload FROM outbox_event
                WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
            ps.setInt(1, config.batchSize());
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            headers(rs.getString(4)),
                            rs.getString(5)));
                }
            }
            return out;
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return ContractsJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("unreadable outbox headers " + json, e);
        }
    }

    private static void markPublished(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET published_at = now(), "
                + "attempts = attempts + 1, last_error = NULL WHERE seq = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    private static void markFailed(Connection c, long seq, Exception error) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            ps.setString(1, String.valueOf(error.getMessage()));
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    /** The service's Kafka settings that a producer knows, with the relay's delivery settings on top. */
    Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        long timeout = config.sendTimeoutMs();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private synchronized KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            producer = p = new KafkaProducer<>(producerConfig());
            producerMetrics = new KafkaClientMetrics(p);
            producerMetrics.bindTo(EventMetrics.registry());
        }
        return p;
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        KafkaProducer<String, String> p = producer;
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }
}

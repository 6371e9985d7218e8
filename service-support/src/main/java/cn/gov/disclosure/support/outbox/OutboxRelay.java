package cn.gov.disclosure.support.outbox;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.support.observability.EventMetrics;
import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Gauge;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes the outbox to Kafka, oldest first, and marks each event published once the broker acknowledged it.
 * While the broker is unreachable the events wait in the table and are retried on the next run; the producer is
 * idempotent, so a retry inside the client never writes a record twice. Consumers dedupe by {@code ce_id} for the
 * remaining at-least-once window (acknowledgement lost after the write).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final long sendTimeoutMs;
    private volatile KafkaProducer<String, String> producer;

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

    public OutboxRelay(AgroalDataSource dataSource,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "outbox.send-timeout-ms", defaultValue = "10000") long sendTimeoutMs) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.sendTimeoutMs = sendTimeoutMs;
        CURRENT.set(this);
    }

    record Pending(long seq, String topic, String key, Map<String, String> headers, String payload) {
    }

    @Scheduled(every = "${outbox.relay-interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        publishPending();
    }

    /**
     * Publishes what is pending, a batch at a time: the batch's records are all handed to the producer first (it
     * pipelines them; idempotent, so the order within a partition holds), then each acknowledgement is awaited in
     * order and the acknowledged ones are marked published in one statement. At the first failure the rest of the
     * batch stays pending and is sent again on the next run (the consumers' inbox drops what arrived twice).
     * Returns how many events were published.
     */
    public synchronized int publishPending() {
        int published = 0;
        while (true) {
            List<Pending> batch = pending();
            if (batch.isEmpty()) {
                return published;
            }
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                try {
                    sent.add(send(p));
                } catch (Exception e) {
                    // the producer refused at once (no metadata within max.block.ms: the broker is away): stop here
                    sent.add(java.util.concurrent.CompletableFuture.failedFuture(e));
                    break;
                }
            }
            List<Long> acknowledged = new ArrayList<>(batch.size());
            Exception failure = null;
            Pending failed = null;
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get(sendTimeoutMs + 2000, TimeUnit.MILLISECONDS);
                    acknowledged.add(batch.get(i).seq());
                    EventMetrics.counter(EventMetrics.PUBLISHED, "topic", batch.get(i).topic()).increment();
                } catch (Exception e) {
                    failure = e;
                    failed = batch.get(i);
                    break;
                }
            }
            try {
                markPublished(acknowledged);
            } catch (SQLException e) {
                LOG.warnf("Outbox relay: %d events sent but not marked published (%s); they will be sent again",
                        acknowledged.size(), e.getMessage());
                return published;
            }
            published += acknowledged.size();
            if (failed != null) {
                markFailed(failed.seq(), failure);
                EventMetrics.counter(EventMetrics.PUBLISH_FAILED, "topic", failed.topic()).increment();
                MDC.put(EventMetrics.MDC_REPORT_ID, failed.key() == null ? "" : failed.key());
                LOG.warnf("Outbox relay: event %d to %s not published yet (%s); will retry", failed.seq(), failed.topic(),
                        failure.getMessage());
                MDC.remove(EventMetrics.MDC_REPORT_ID);
                return published;
            }
        }
    }

    /** Number of events not yet published (the outbox backlog). */
    public long backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.concurrent.Future<?> send(Pending p) {
        ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.payload());
        p.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return producer().send(record);
    }

    private List<Pending> pending() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT seq, topic, record_key, headers::text, payload FROM outbox_event
                     WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
            ps.setInt(1, BATCH);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                            ContractsJson.mapper().readValue(rs.getString(4), new TypeReference<Map<String, String>>() {
                            }), rs.getString(5)));
                }
            }
            return out;
        } catch (Exception e) {
            LOG.warnf("Outbox relay: cannot read the outbox (%s)", e.getMessage());
            return List.of();
        }
    }

    private void markPublished(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET published_at = now(), "
                     + "attempts = attempts + 1, last_error = NULL WHERE seq = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    private void markFailed(long seq, Exception error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            ps.setString(1, String.valueOf(error.getMessage()));
            ps.setLong(2, seq);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Outbox relay: cannot record the failure (%s)", e.getMessage());
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(sendTimeoutMs));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, sendTimeoutMs / 2)));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(sendTimeoutMs));
            props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = p = new KafkaProducer<>(props);
        }
        return p;
    }

    void onStop(@Observes ShutdownEvent event) {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(2));
        }
    }
}

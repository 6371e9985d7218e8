package cn.gov.disclosure.support.outbox;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.observability.TraceParents;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The transactional outbox: an event is stored in the same database transaction as the change it announces, and
 * {@link OutboxRelay} publishes it to Kafka afterwards. Nothing is sent if the transaction rolls back; nothing is
 * lost if the broker is down.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final String DEAD_LETTER = "dead-letter-";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;

    public Outbox(
            EntityManager entityManager,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.source = "/annual-report/" + applicationName;
    }

    /** Enqueues a new event about {@code payload.reportId()}; must run inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventPayload> EventEnvelope<T> enqueue(T payload) {
        return enqueue(payload, null);
    }

    /**
     * Enqueues a new event that continues the trace {@code traceparent} (the submission's, kept since it was
     * received) rather than the current one; null or invalid: the current trace, as {@link #enqueue(EventPayload)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventPayload> EventEnvelope<T> enqueue(T payload, String traceparent) {
        EventEnvelope<T> event = EventEnvelope.of(source, payload);
        MDC.put(EventMetrics.MDC_REPORT_ID, event.key());
        // the CloudEvents headers plus the trace context (W3C traceparent/tracestate), stored with the row so that the
        // relay, later and on another thread, sends it along and the consumers continue the same trace
        Map<String, String> headers = new LinkedHashMap<>(event.headers());
        boolean continued = TraceParents.valid(traceparent);
        if (continued) {
            headers.put(TraceParents.HEADER, traceparent);
        } else {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = event.topic();
        row.recordKey = event.key();
        row.eventType = event.type();
        row.headers = headers;
        row.payload = EventCodec.payloadJson(payload);
        entityManager.persist(row);
        wakeTheRelayAfterCommit();
        // one line per event, with traceId and reportId: a submission can be followed through the services' logs
        if (continued) {
            LOG.infof(
                    "Event %s %s enqueued for %s, continuing trace %s",
                    event.type(), event.id(), event.topic(), TraceParents.traceId(traceparent));
        } else {
            LOG.infof("Event %s %s enqueued for %s", event.type(), event.id(), event.topic());
        }
        return event;
    }

    /**
     * Parks a record a consumer could not handle on its topic's dead-letter topic ({@code <topic>.dlq}), in the
     * consumer's transaction: key, value and headers as they came, with the {@code dead-letter-*} headers the
     * operators and {@code deploy/replay-dlq.sh} read (the names of SmallRye's dead-letter-queue strategy, which parks
     * a record when even this cannot be stored).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadLetter(ConsumerRecord<String, String> record, Throwable cause) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null && !h.key().startsWith(DEAD_LETTER)) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        headers.put(DEAD_LETTER + "reason", String.valueOf(cause.getMessage()));
        if (root != cause) {
            headers.put(DEAD_LETTER + "cause", String.valueOf(root.getMessage()));
        }
        headers.put(DEAD_LETTER + "exception-class-name", cause.getClass().getName());
        headers.put(DEAD_LETTER + "topic", record.topic());
        headers.put(DEAD_LETTER + "partition", String.valueOf(record.partition()));
        headers.put(DEAD_LETTER + "offset", String.valueOf(record.offset()));
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = Topics.deadLetter(record.topic());
        row.recordKey = record.key() == null ? "" : record.key();
        row.eventType = headers.getOrDefault("ce_type", "unreadable");
        row.headers = headers;
        row.payload = record.value() == null ? "" : record.value();
        entityManager.persist(row);
        wakeTheRelayAfterCommit();
    }

    /** Once per transaction: when it commits, the relay publishes at once (a rollback sends nothing). */
    private void wakeTheRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    /** The source attribute of events this service emits. */
    public String source() {
        return source;
    }
}

package cn.gov.disclosure.support.outbox;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.observability.RootCause;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The transaction resource of {@link #collect}: the events it gathers. */
    private static final Object COLLECTING = new Object();
    /** Events per INSERT statement (6 parameters each; PostgreSQL takes 65,535 parameters a statement). */
    static final int ROWS_PER_STATEMENT = 1000;

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
        store(new OutboxEvent(
                UUID.fromString(event.id()),
                event.topic(),
                event.key(),
                event.type(),
                headers,
                EventCodec.payloadJson(payload)));
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
        Throwable root = RootCause.of(cause);
        headers.put(DEAD_LETTER + "reason", String.valueOf(cause.getMessage()));
        if (root != cause) {
            headers.put(DEAD_LETTER + "cause", String.valueOf(root.getMessage()));
        }
        headers.put(DEAD_LETTER + "exception-class-name", cause.getClass().getName());
        headers.put(DEAD_LETTER + "topic", record.topic());
        headers.put(DEAD_LETTER + "partition", String.valueOf(record.partition()));
        headers.put(DEAD_LETTER + "offset", String.valueOf(record.offset()));
        store(new OutboxEvent(
                UUID.randomUUID(),
                Topics.deadLetter(record.topic()),
                record.key() == null ? "" : record.key(),
                headers.getOrDefault("ce_type", "unreadable"),
                headers,
                record.value() == null ? "" : record.value()));
    }

    /**
     * Writes the event now, or, inside {@link #collect}, with the others of the work when it ends; once per
     * transaction the relay is woken when it commits (a rollback writes and sends nothing).
     */
    private void store(OutboxEvent row) {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> collecting = (List<OutboxEvent>) transactions.getResource(COLLECTING);
        if (collecting != null) {
            collecting.add(row);
        } else {
            write(List.of(row));
        }
        wakeTheRelayAfterCommit();
    }

    /**
     * Runs {@code work} in the caller's transaction and writes the events it enqueued together at its end: one
     * statement for a whole poll ({@code Inbox}) instead of one per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collect(Runnable work) {
        List<OutboxEvent> rows = new ArrayList<>();
        transactions.putResource(COLLECTING, rows);
        try {
            work.run();
        } finally {
            transactions.putResource(COLLECTING, null);
        }
        write(rows);
    }

    /** Once per transaction: when it commits, the relay publishes at once. */
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

    /**
     * One multi-row INSERT per {@value #ROWS_PER_STATEMENT} events, in the caller's transaction. Native SQL because
     * the point is the one round trip for a poll's events: an entity with an IDENTITY key is inserted at once, one
     * statement per event, and forces the statements pending before it out unbatched.
     */
    private void write(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<OutboxEvent> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO outbox_event (event_id, topic, record_key, event_type, headers, payload) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 6;
                sql.append(i == 0 ? "" : ", ")
                        .append("(?")
                        .append(p + 1)
                        .append(", ?")
                        .append(p + 2)
                        .append(", ?")
                        .append(p + 3)
                        .append(", ?")
                        .append(p + 4)
                        .append(", CAST(?")
                        .append(p + 5)
                        .append(" AS jsonb), ?")
                        .append(p + 6)
                        .append(')');
            }
            var insert = entityManager.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                OutboxEvent row = chunk.get(i);
                int p = i * 6;
                insert.setParameter(p + 1, row.eventId());
                insert.setParameter(p + 2, row.topic());
                insert.setParameter(p + 3, row.recordKey());
                insert.setParameter(p + 4, row.eventType());
                insert.setParameter(p + 5, row.headersJson());
                insert.setParameter(p + 6, row.payload());
            }
            insert.executeUpdate();
        }
    }

    /** The source attribute of events this service emits. */
    public String source() {
        return source;
    }
}

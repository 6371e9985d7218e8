package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.observability.RootCause;
import cn.gov.disclosure.support.observability.TraceParents;
import cn.gov.disclosure.support.outbox.Outbox;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * How every consumer handles what a poll of its topic gave, so that a consumer method is its business code alone:
 *
 * <pre>{@code
 * @Incoming("report-validated")
 * @Blocking
 * public void onValidated(ConsumerRecords<String, String> records) {
 *     inbox.handle(records, ReportValidated.class, validated -> cases.open(validated));
 * }
 * }</pre>
 *
 * (the channel has {@code batch=true}). <b>Together</b>: the whole poll is one transaction — the inbox rows of its
 * events' CloudEvents ids ({@code processed_event}, one statement), then the handler for each event delivered the
 * first time, in the records' order (per partition, so per report, the order they were written). What the handlers
 * store and enqueue in the outbox commits with the inbox rows or not at all, so a poll interrupted anywhere (kill -9)
 * is redone as a whole, and a redelivered event changes nothing. A record that cannot be read as the expected event is
 * parked on {@code <topic>.dlq} through the outbox in the same transaction ({@link Outbox#deadLetter}).
 *
 * <p><b>Alone</b>: when the poll's transaction fails, each record is handled again in its own transaction, a
 * transient failure tried again ({@link TransientRetry}, up to {@code consumer.retry.max-duration}); the one a handler
 * refuses ({@code MalformedEventException}) or that still fails at the end of the retries is parked on its dead-letter
 * topic alone, and its neighbours are handled. Only when even that cannot be stored (the database away for longer than
 * the retries) does the failure reach the channel, whose {@code dead-letter-queue} strategy parks the poll's records.
 *
 * <p>A parked record's inbox row is keyed by its position ({@code dead-letter:<topic>/<partition>/<offset>}), not its
 * event id: it is parked once, and the copy {@code deploy/replay-dlq.sh} puts back is handled as new.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final TransientRetry retry;

    public Inbox(
            EntityManager entityManager,
            Outbox outbox,
            @ConfigProperty(name = "consumer.retry.max-duration", defaultValue = "3M") Duration maxRetry) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.retry = new TransientRetry(maxRetry);
    }

    /** Handles the data of each event delivered the first time (see the class comment). */
    public <T extends EventPayload> void handle(
            Iterable<ConsumerRecord<String, String>> records, Class<T> type, Consumer<T> handler) {
        handle(records, type, (event, record) -> handler.accept(event.data()));
    }

    /** Handles each event delivered the first time, its record at hand (see the class comment). */
    public <T extends EventPayload> void handle(
            Iterable<ConsumerRecord<String, String>> records,
            Class<T> type,
            BiConsumer<EventEnvelope<T>, ConsumerRecord<String, String>> handler) {
        List<Delivery<T>> poll = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            poll.add(Delivery.read(record, type));
        }
        if (poll.isEmpty()) {
            return;
        }
        try {
            try {
                QuarkusTransaction.requiringNew().run(() -> together(poll, handler));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "A poll of %d records of %s failed together (%s); handling them one by one",
                        poll.size(), poll.get(0).record().topic(), RootCause.describe(e));
                for (Delivery<T> d : poll) {
                    alone(d, handler);
                }
            }
            for (Delivery<T> d : poll) {
                EventMetrics.counter(
                                d.parked() ? EventMetrics.DEAD_LETTERED : EventMetrics.CONSUMED, "topic", d.topic())
                        .increment();
            }
        } finally {
            MDC.remove(EventMetrics.MDC_REPORT_ID);
        }
    }

    private <T extends EventPayload> void together(
            List<Delivery<T>> poll, BiConsumer<EventEnvelope<T>, ConsumerRecord<String, String>> handler) {
        List<String> ids = new ArrayList<>(poll.size());
        for (Delivery<T> d : poll) {
            d.parked = false;
            if (d.event() != null) {
                ids.add(d.event().id());
            }
        }
        Set<String> first = firstDeliveries(ids, poll.get(0).topic());
        // the events the handlers enqueue are written together when the poll is handled (one INSERT)
        outbox.collect(() -> {
            for (Delivery<T> d : poll) {
                d.mdc();
                if (d.event() == null) {
                    park(d, d.unreadable());
                } else if (first.remove(d.event().id())) { // remove: the same event twice in one poll is handled once
                    try (Scope trace = d.trace()) {
                        handler.accept(d.event(), d.record());
                    }
                }
            }
        });
    }

    private <T extends EventPayload> void alone(
            Delivery<T> d, BiConsumer<EventEnvelope<T>, ConsumerRecord<String, String>> handler) {
        d.mdc();
        d.parked = false;
        try {
            retry.run(
                    d.topic(),
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        if (d.event() == null) {
                            throw d.unreadable();
                        }
                        if (!firstDeliveries(List.of(d.event().id()), d.topic()).isEmpty()) {
                            try (Scope trace = d.trace()) {
                                handler.accept(d.event(), d.record());
                            }
                        }
                    }));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> park(d, e));
        }
    }

    /** Parks the record on its dead-letter topic through the outbox, once per record (inbox row of its position). */
    private void park(Delivery<?> d, RuntimeException cause) {
        ConsumerRecord<String, String> r = d.record();
        String position = "dead-letter:" + r.topic() + "/" + r.partition() + "/" + r.offset();
        if (!firstDeliveries(List.of(position), r.topic()).isEmpty()) {
            outbox.deadLetter(r, cause);
            LOG.warnf(
                    "Record of %s (key %s, offset %d) not handled, parked on its dead-letter topic: %s",
                    r.topic(), r.key(), r.offset(), RootCause.describe(cause));
        }
        d.parked = true;
    }

    /**
     * The ids among {@code ids} seen for the first time, their inbox rows inserted. Native SQL because PostgreSQL's
     * {@code ON CONFLICT DO NOTHING … RETURNING} is the point: one statement for a whole poll, and two deliveries racing
     * each other insert one row without failing either transaction.
     */
    @SuppressWarnings("unchecked")
    private Set<String> firstDeliveries(List<String> ids, String topic) {
        if (ids.isEmpty()) {
            return new HashSet<>();
        }
        List<String> inserted = entityManager
                .createNativeQuery("""
                        INSERT INTO processed_event (event_id, topic)
                        SELECT id, ?2 FROM unnest(cast(?1 AS text[])) AS id
                        ON CONFLICT (event_id) DO NOTHING RETURNING event_id""", String.class)
                .setParameter(1, ids.toArray(String[]::new))
                .setParameter(2, topic)
                .getResultList();
        return new HashSet<>(inserted);
    }

    /** One record of a poll: the event read from it, or why it cannot be read; and whether it was parked. */
    private static final class Delivery<T extends EventPayload> {
        private final ConsumerRecord<String, String> record;
        private final EventEnvelope<T> event;
        private final RuntimeException unreadable;
        private boolean parked;

        private Delivery(ConsumerRecord<String, String> record, EventEnvelope<T> event, RuntimeException unreadable) {
            this.record = record;
            this.event = event;
            this.unreadable = unreadable;
        }

        static <T extends EventPayload> Delivery<T> read(ConsumerRecord<String, String> record, Class<T> type) {
            try {
                return new Delivery<>(record, IncomingEvents.read(record, type), null);
            } catch (RuntimeException e) {
                return new Delivery<>(record, null, e);
            }
        }

        ConsumerRecord<String, String> record() {
            return record;
        }

        EventEnvelope<T> event() {
            return event;
        }

        RuntimeException unreadable() {
            return unreadable;
        }

        boolean parked() {
            return parked;
        }

        String topic() {
            return record.topic();
        }

        /**
         * The record's trace (its {@code traceparent}) current while it is handled: what the handler logs and
         * enqueues continues the trace of the request that caused the record, as when records came one at a time.
         */
        Scope trace() {
            return TraceParents.continueTrace(TraceParents.of(record));
        }

        /** The report id (the record key) in the log lines of its handling. */
        void mdc() {
            if (record.key() != null) {
                MDC.put(EventMetrics.MDC_REPORT_ID, record.key());
            }
        }
    }
}

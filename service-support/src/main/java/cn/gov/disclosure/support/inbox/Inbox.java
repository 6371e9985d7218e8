package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How every consumer handles a record, so that a consumer method is its business code alone:
 *
 * <pre>{@code
 * @Incoming("report-validated")
 * @Blocking
 * public void onValidated(ConsumerRecord<String, String> record) {
 *     inbox.handle(record, ReportValidated.class, validated -> cases.open(validated));
 * }
 * }</pre>
 *
 * The record is read as an event of the expected type (else {@code MalformedEventException}: the channel's
 * {@code dead-letter-queue} failure strategy parks it on {@code <topic>.dlq}); the handler runs in a new transaction
 * together with the inbox row of the event's CloudEvents id ({@code processed_event}), so a redelivered event changes
 * nothing and what the handler stores and enqueues in the outbox commits with it or not at all; a transient failure is
 * tried again in a new transaction ({@link TransientRetry}, up to {@code consumer.retry.max-duration}).
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final TransientRetry retry;

    public Inbox(
            EntityManager entityManager,
            @ConfigProperty(name = "consumer.retry.max-duration", defaultValue = "3M") Duration maxRetry) {
        this.entityManager = entityManager;
        this.retry = new TransientRetry(maxRetry);
    }

    /** Handles the event's data the first time the event is delivered (see the class comment). */
    public <T extends EventPayload> void handle(
            ConsumerRecord<String, String> record, Class<T> type, Consumer<T> handler) {
        handle(record, type, (event, r) -> handler.accept(event.data()));
    }

    /** Handles the event the first time it is delivered, its record at hand (see the class comment). */
    public <T extends EventPayload> void handle(
            ConsumerRecord<String, String> record,
            Class<T> type,
            BiConsumer<EventEnvelope<T>, ConsumerRecord<String, String>> handler) {
        EventEnvelope<T> event = IncomingEvents.read(record, type);
        retry.run(
                record.topic(),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(event.id(), record.topic())) {
                        handler.accept(event, record);
                    }
                }));
    }

    /**
     * {@code true} the first time this event id is seen; {@code false} for a redelivery. Native SQL because
     * PostgreSQL's {@code ON CONFLICT DO NOTHING} is the point: two deliveries racing each other insert one row and
     * neither fails its transaction.
     */
    private boolean firstDelivery(String eventId, String topic) {
        return entityManager
                        .createNativeQuery(
                                "INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2) ON CONFLICT (event_id) DO NOTHING")
                        .setParameter(1, eventId)
                        .setParameter(2, topic)
                        .executeUpdate()
                == 1;
    }
}

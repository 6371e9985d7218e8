package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events this service has handled. Call {@link #receive} (or {@link #firstDelivery}) inside the
 * transaction that handles the event: a redelivered event (same CloudEvents id) is recognised and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Reads the record as an event of {@code type} and returns it the first time its id is seen here; empty for a
     * redelivery.
     *
     * @throws cn.gov.disclosure.contracts.events.EventCodec.MalformedEventException when the record is not a readable
     *                                                                             {@code type} event (dead-letter it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventPayload> Optional<EventEnvelope<T>> receive(ConsumerRecord<String, String> record,
                                                                      Class<T> type) {
        EventEnvelope<T> event = IncomingEvents.read(record, type);
        return firstDelivery(event.id(), record.topic()) ? Optional.of(event) : Optional.empty();
    }

    /**
     * {@code true} the first time this event id is seen; {@code false} for a redelivery. Native SQL because
     * PostgreSQL's {@code ON CONFLICT DO NOTHING} is the point: two deliveries racing each other insert one row and
     * neither fails its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String topic) {
        return entityManager.createNativeQuery(
                        "INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, topic).executeUpdate() == 1;
    }
}

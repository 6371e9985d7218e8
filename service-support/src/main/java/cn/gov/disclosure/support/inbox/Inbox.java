package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Remembers which events this service has handled. Call {@link #receive} (or {@link #firstDelivery}) inside the
 * transaction that handles the event: a redelivered event (same CloudEvents id) is recognised and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    /** {@code true} the first time this event id is seen; {@code false} for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String topic) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO processed_event (event_id, topic) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            ps.setString(1, eventId);
            ps.setString(2, topic);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record processed event " + eventId, e);
        }
    }
}

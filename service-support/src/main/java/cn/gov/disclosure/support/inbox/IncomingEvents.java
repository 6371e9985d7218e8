package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import cn.gov.disclosure.support.observability.EventMetrics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/** Reads a Kafka record written in CloudEvents binary mode back into an event. */
public final class IncomingEvents {

    private IncomingEvents() {}

    /** @throws EventCodec.MalformedEventException when the record is not a readable event (dead-letter it) */
    public static EventEnvelope<EventPayload> read(ConsumerRecord<String, String> record) {
        // the report id (the record key) in this thread's log lines until the record is acknowledged
        if (record.key() != null) {
            MDC.put(EventMetrics.MDC_REPORT_ID, record.key());
        }
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        if (record.value() == null) {
            throw new EventCodec.MalformedEventException("record has no value", null);
        }
        return EventCodec.read(headers, record.value());
    }

    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventEnvelope<T> read(
            ConsumerRecord<String, String> record, Class<T> expected) {
        EventEnvelope<EventPayload> event = read(record);
        if (!expected.isInstance(event.data())) {
            throw new EventCodec.MalformedEventException(
                    "expected " + expected.getSimpleName() + " but got " + event.type(), null);
        }
        return (EventEnvelope<T>) (EventEnvelope<?>) event;
    }
}

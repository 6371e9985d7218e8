package cn.gov.disclosure.contracts.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: the CloudEvents 1.0 context attributes and the payload. On Kafka the event is written in
 * CloudEvents' binary mode: the attributes as {@code ce_*} headers, the payload as the JSON record value, the report
 * id as the record key.
 */
public record EventEnvelope<T extends EventPayload>(
        String id, String source, String type, String subject, OffsetDateTime time, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_PREFIX = "ce_";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event about {@code data.reportId()}, from the service named by {@code source}. */
    public static <T extends EventPayload> EventEnvelope<T> of(String source, T data) {
        return new EventEnvelope<>(
                UUID.randomUUID().toString(),
                source,
                EventType.of(data.getClass()).type(),
                data.reportId(),
                OffsetDateTime.now(ZoneOffset.UTC),
                data);
    }

    public EventType eventType() {
        return EventType.of(type);
    }

    public String topic() {
        return eventType().topic();
    }

    /** The Kafka record key. */
    public String key() {
        return subject;
    }

    /** The CloudEvents binary-mode headers. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(HEADER_PREFIX + "specversion", SPEC_VERSION);
        h.put(HEADER_PREFIX + "id", id);
        h.put(HEADER_PREFIX + "source", source);
        h.put(HEADER_PREFIX + "type", type);
        h.put(HEADER_PREFIX + "subject", subject);
        // RFC 3339 needs the seconds, which OffsetDateTime.toString() leaves out when they are zero
        h.put(HEADER_PREFIX + "time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        h.put("content-type", "application/json");
        return h;
    }
}

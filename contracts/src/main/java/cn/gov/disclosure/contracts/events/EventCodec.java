package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.ContractsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Writes and reads events in CloudEvents binary mode: attributes in headers, payload as JSON value. */
public final class EventCodec {

    private EventCodec() {}

    public static String payloadJson(EventPayload payload) {
        try {
            return ContractsJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads an event from its headers and JSON value.
     *
     * @throws MalformedEventException when a header is missing, the type is unknown or the value is not the payload
     */
    public static EventEnvelope<EventPayload> read(Map<String, String> headers, String value) {
        String type = require(headers, "type");
        EventType eventType;
        try {
            eventType = EventType.of(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("unknown event type " + type, e);
        }
        EventPayload payload;
        try {
            // a tolerant reader: a field a newer producer adds is ignored, not dead-lettered
            payload = ContractsJson.mapper()
                    .readerFor(eventType.payloadClass())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(
                    "value is not a " + eventType.payloadClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (payload == null) {
            throw new MalformedEventException("empty value", null);
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(require(headers, "time"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("bad ce_time header", e);
        }
        return new EventEnvelope<>(
                require(headers, "id"), require(headers, "source"), type, require(headers, "subject"), time, payload);
    }

    private static String require(Map<String, String> headers, String attribute) {
        String v = headers.get(EventEnvelope.HEADER_PREFIX + attribute);
        if (v == null || v.isBlank()) {
            throw new MalformedEventException("missing header " + EventEnvelope.HEADER_PREFIX + attribute, null);
        }
        return v;
    }

    /** An event that cannot be read at all: it belongs on the dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }

        static String original(Throwable e) {
            return e.getMessage();
        }
    }
}

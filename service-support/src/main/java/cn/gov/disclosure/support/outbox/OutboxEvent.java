package cn.gov.disclosure.support.outbox;

import cn.gov.disclosure.contracts.ContractsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.UUID;

/**
 * One event for the outbox ({@code outbox_event}, db/support/V0_1): {@link Outbox} writes it in the caller's
 * transaction (a poll's events together); {@link OutboxRelay} reads, publishes and marks the rows with SQL
 * of its own (under PostgreSQL's advisory lock). The table's {@code seq} (BIGSERIAL, assigned as the rows are
 * written) is the order the relay publishes in.
 */
record OutboxEvent(
        UUID eventId, String topic, String recordKey, String eventType, Map<String, String> headers, String payload) {

    String headersJson() {
        try {
            return ContractsJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox headers not writable: " + headers, e);
        }
    }
}

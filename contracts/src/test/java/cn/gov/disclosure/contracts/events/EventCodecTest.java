package cn.gov.disclosure.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final ReportPublished PUBLISHED = new ReportPublished(
            "350582107-2020",
            1,
            "350582107",
            2020,
            "https://portal/reports/350582107/2020",
            "bag-1",
            OffsetDateTime.of(2021, 1, 6, 8, 0, 0, 0, ZoneOffset.UTC));

    @Test
    void anEventReadsBackAsItWasWritten() {
        EventEnvelope<ReportPublished> e = EventEnvelope.of("/test", PUBLISHED);
        EventEnvelope<EventPayload> read = EventCodec.read(e.headers(), EventCodec.payloadJson(PUBLISHED));
        assertThat(read.data()).isEqualTo(PUBLISHED);
        assertThat(read.id()).isEqualTo(e.id());
        assertThat(read.subject()).isEqualTo("350582107-2020");
    }

    @Test
    void aFieldANewerProducerAddsIsIgnored() {
        EventEnvelope<ReportPublished> e = EventEnvelope.of("/test", PUBLISHED);
        String newer = EventCodec.payloadJson(PUBLISHED).replaceFirst("\\{", "{\"portalRegion\": \"east\", ");
        assertThat(EventCodec.read(e.headers(), newer).data()).isEqualTo(PUBLISHED);
    }

    @Test
    void anUnknownTypeAMissingHeaderOrAWrongValueIsMalformed() {
        EventEnvelope<ReportPublished> e = EventEnvelope.of("/test", PUBLISHED);
        Map<String, String> unknown = new HashMap<>(e.headers());
        unknown.put("ce_type", "nonsense");
        assertThatThrownBy(() -> EventCodec.read(unknown, EventCodec.payloadJson(PUBLISHED)))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("unknown event type");
        Map<String, String> noId = new HashMap<>(e.headers());
        noId.remove("ce_id");
        assertThatThrownBy(() -> EventCodec.read(noId, EventCodec.payloadJson(PUBLISHED)))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("ce_id");
        assertThatThrownBy(() -> EventCodec.read(e.headers(), "{\"year\": \"soon\""))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }
}

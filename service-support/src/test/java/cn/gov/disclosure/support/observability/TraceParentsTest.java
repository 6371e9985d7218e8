package cn.gov.disclosure.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class TraceParentsTest {

    private static final String TP = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void onlyWellFormedTraceParentsWithATraceIdAreValid() {
        assertThat(TraceParents.valid(TP)).isTrue();
        assertThat(TraceParents.valid(null)).isFalse();
        assertThat(TraceParents.valid("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
                .isFalse();
        assertThat(TraceParents.valid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isFalse();
        assertThat(TraceParents.valid("garbage")).isFalse();
        assertThat(TraceParents.traceId(TP)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void continuingATraceMakesItCurrentAndPutsItsIdsInTheLogLinesUntilClosed() {
        assertThat(TraceParents.current()).isNull();
        MDC.remove("traceId");
        try (Scope s = TraceParents.continueTrace(TP)) {
            assertThat(Span.current().getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(TraceParents.current()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-");
            assertThat(MDC.get("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(MDC.get("traceId")).isNull();
        assertThat(TraceParents.current()).isNull();
    }

    @Test
    void aRecordsHeaderIsUsedWhenNoTraceIsCurrent() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        assertThat(TraceParents.of(record)).isNull();
        record.headers().add(TraceParents.HEADER, TP.getBytes(StandardCharsets.UTF_8));
        assertThat(TraceParents.of(record)).isEqualTo(TP);
        try (Scope s = TraceParents.continueTrace("00-11111111111111111111111111111111-2222222222222222-01")) {
            assertThat(TraceParents.of(record)).contains("11111111111111111111111111111111");
        }
    }

    @Test
    void anInvalidTraceParentChangesNothing() {
        try (Scope s = TraceParents.continueTrace("not-a-trace")) {
            assertThat(TraceParents.current()).isNull();
        }
    }
}

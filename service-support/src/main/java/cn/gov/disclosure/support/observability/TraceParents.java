package cn.gov.disclosure.support.observability;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * The W3C {@code traceparent} of a submission, kept by a service that acts on the report later (a county's decision
 * days after the validation; a publication on a worker thread), so that what it emits then continues the trace that
 * began with the township's submission: one report, one trace, from intake to the portal.
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";
    private static final String MDC_TRACE_ID = "traceId";
    private static final String MDC_SPAN_ID = "spanId";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParents() {}

    /** The {@code traceparent} of the current context, else the record's header; null when neither has one. */
    public static String of(ConsumerRecord<String, String> record) {
        String current = current();
        if (current != null) {
            return current;
        }
        Header h = record.headers().lastHeader(HEADER);
        String fromHeader = h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        return valid(fromHeader) ? fromHeader : null;
    }

    /** The {@code traceparent} of the current OpenTelemetry context; null without a valid span. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String tp = carrier.get(HEADER);
        return valid(tp) ? tp : null;
    }

    public static boolean valid(String traceparent) {
        return traceparent != null
                && VALID.matcher(traceparent).matches()
                && !traceparent.substring(3, 35).equals("0".repeat(32));
    }

    /** The trace id (32 hex digits) of a valid {@code traceparent}. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    /**
     * Makes {@code traceparent} the current trace context of this thread, and its ids those of the log lines, until
     * the returned scope closes (a thread of the service's own, outside any request or record). Does nothing for
     * null or an invalid value.
     */
    public static Scope continueTrace(String traceparent) {
        if (!valid(traceparent)) {
            return Scope.noop();
        }
        Context ctx =
                W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
        Scope scope = ctx.makeCurrent();
        Object previousTrace = MDC.get(MDC_TRACE_ID);
        Object previousSpan = MDC.get(MDC_SPAN_ID);
        MDC.put(MDC_TRACE_ID, traceId(traceparent));
        MDC.put(MDC_SPAN_ID, traceparent.substring(36, 52));
        return () -> {
            restore(MDC_TRACE_ID, previousTrace);
            restore(MDC_SPAN_ID, previousSpan);
            scope.close();
        };
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}

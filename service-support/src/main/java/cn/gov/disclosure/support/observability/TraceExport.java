package cn.gov.disclosure.support.observability;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a service's spans go, chosen when it starts rather than when it is built: with {@code tracing.otlp.endpoint}
 * (for example {@code http://otel-collector:4318/v1/traces}, environment {@code TRACING_OTLP_ENDPOINT}) to that
 * collector over OTLP/HTTP (protobuf), batched by the SDK; without it nowhere — the spans still give every log line
 * its {@code traceId} and travel with the events ({@code traceparent}), but leave the process for no collector.
 *
 * <p>Quarkus takes the application's {@link SpanExporter} beans ({@code quarkus.otel.traces.exporter=cdi}, the
 * default) and then installs no exporter of its own, whose endpoint would be fixed at localhost:4317 unless set.
 */
@Singleton // made when the SDK starts, on a thread that sees the configuration (not lazily on its export thread)
@Unremovable
public class TraceExport implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(TraceExport.class);

    private final SpanExporter collector;

    public TraceExport(@ConfigProperty(name = "tracing.otlp.endpoint") Optional<String> endpoint) {
        this.collector = endpoint.map(String::trim)
                .filter(e -> !e.isEmpty())
                .map(TraceExport::otlp)
                .orElse(null);
    }

    static SpanExporter otlp(String endpoint) {
        LOG.infof("Spans exported over OTLP/HTTP to %s", endpoint);
        return OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint)
                .setTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Whether spans leave the process. */
    public boolean exporting() {
        return collector != null;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return collector == null ? CompletableResultCode.ofSuccess() : collector.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return collector == null ? CompletableResultCode.ofSuccess() : collector.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return collector == null ? CompletableResultCode.ofSuccess() : collector.shutdown();
    }
}

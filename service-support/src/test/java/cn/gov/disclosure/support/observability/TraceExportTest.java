package cn.gov.disclosure.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans to a collector named at run time, over real HTTP to a small OTLP receiver; none without one. */
class TraceExportTest {

    record Request(String path, String contentType, String body) {}

    private HttpServer collector;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCollector() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Request(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.ISO_8859_1)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    private void spanThrough(TraceExport export, String name) {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(export))
                .build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder(name).startSpan().end();
            provider.forceFlush().join(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withAnEndpointTheSpansGoToTheCollectorOverOtlpHttp() {
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        TraceExport export = new TraceExport(Optional.of(endpoint));
        assertThat(export.exporting()).isTrue();

        spanThrough(export, "validate 350582107-2024");

        assertThat(received).hasSize(1);
        Request r = received.get(0);
        assertThat(r.path()).isEqualTo("/v1/traces");
        assertThat(r.contentType()).isEqualTo("application/x-protobuf");
        assertThat(r.body()).as("the span's name in the protobuf").contains("validate 350582107-2024");
    }

    @Test
    void withoutAnEndpointNothingLeavesTheProcess() {
        TraceExport export = new TraceExport(Optional.of("  "));
        assertThat(export.exporting()).isFalse();

        spanThrough(export, "validate");

        assertThat(received).isEmpty();
        assertThat(new TraceExport(Optional.empty()).exporting()).isFalse();
    }
}

package cn.gov.disclosure.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trace collector as far as the services can tell: accepts OTLP/HTTP export requests ({@code POST /v1/traces},
 * protobuf) on a free port of 127.0.0.1 and keeps their bodies, so a test can see whose spans arrived.
 */
final class OtlpReceiver {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("POST".equals(exchange.getRequestMethod())) {
                    receiver.bodies.add(new String(body, StandardCharsets.ISO_8859_1));
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Whether an export request carried spans of {@code serviceName} (its {@code service.name} resource attribute). */
    boolean receivedFrom(String serviceName) {
        return bodies.stream().anyMatch(b -> b.contains(serviceName));
    }

    int requests() {
        return bodies.size();
    }
}

package cn.gov.disclosure.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for the platform's JSON APIs (JDK HttpClient + Jackson). */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client;

    public Http() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public Http(HttpClient client) {
        this.client = client;
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            if (body.length == 0) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + text(), e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public Answer get(String url, String token) {
        return send(request(url, token, Map.of()).GET().build());
    }

    public Answer postJson(String url, String token, Object body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = body instanceof byte[] b
                    ? b
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(url, token, headers)
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    /** POSTs {@code text/plain; charset=UTF-8} (the township's document as text). */
    public Answer postText(String url, String token, String text, Map<String, String> headers) {
        return send(request(url, token, headers)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build());
    }

    /** Any request, as built by the caller (hostile input). */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type")) {
                b.header(k, v);
            }
        });
        return b;
    }
}

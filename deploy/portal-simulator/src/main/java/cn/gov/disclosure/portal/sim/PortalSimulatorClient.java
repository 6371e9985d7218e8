package cn.gov.disclosure.portal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Tells a running simulator (over real HTTP) to fail or slow down, and asks it what it received. */
public final class PortalSimulatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PortalSimulatorClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The simulator {@link PortalSimulatorResource} started. */
    public static PortalSimulatorClient running() {
        String url = System.getProperty(PortalSimulatorResource.URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException(
                    "no portal simulator running (system property " + PortalSimulatorResource.URL_PROPERTY + " unset)");
        }
        return new PortalSimulatorClient(url);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The next {@code count} portal API calls fail with 503. */
    public JsonNode failNext(int count) {
        return post("/admin/failures", "{\"count\":" + count + "}");
    }

    /** Every portal API call fails with 503 until {@link #up()}. */
    public JsonNode down() {
        return post("/admin/failures", "{\"mode\":\"down\"}");
    }

    public JsonNode up() {
        return post("/admin/failures", "{\"mode\":\"up\"}");
    }

    /** The next {@code count} portal API calls (−1: all) take {@code ms} longer; the call itself still succeeds. */
    public JsonNode delay(long ms, int count) {
        return post("/admin/delay", "{\"ms\":" + ms + (count >= 0 ? ",\"count\":" + count : "") + "}");
    }

    public JsonNode reset() {
        return post("/admin/reset", "{}");
    }

    /** {@code {total, publishCalls, publishCallsByKey, calls[]}}. */
    public JsonNode received() {
        return get("/admin/received").json();
    }

    /** Number of PUT calls with this idempotency key. */
    public int publishCalls(String idempotencyKey) {
        return received().path("publishCallsByKey").path(idempotencyKey).asInt(0);
    }

    /** The history of a report ({@code versions[]}), or {@code null} when it has none. */
    public JsonNode history(String organisationCode, int year) {
        Answer a = get("/api/reports/" + organisationCode + "/" + year + "/history");
        return a.status() == 404 ? null : a.json();
    }

    /** The public page (HTML) as the public sees it, or {@code null} (404). */
    public String page(String organisationCode, int year) {
        Answer a = get("/reports/" + organisationCode + "/" + year);
        return a.status() == 404 ? null : a.body();
    }

    /** The raw bytes of a GET (e.g. a published PDF). */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .GET()
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("portal simulator unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .json();
    }

    private Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r =
                    http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("portal simulator unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw answer. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}

package cn.gov.disclosure.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator on the JDK server, over real HTTP: the portal API, its idempotency, history, failure switch. */
class PortalHttpServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PDF = "%PDF-1.7\n%fake but starts right\n".getBytes(StandardCharsets.ISO_8859_1);
    static PortalHttpServer server;
    static PortalSimulatorClient admin;
    static Path storage;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        storage = Files.createTempDirectory("portal-sim-test-");
        server = PortalHttpServer.start("127.0.0.1", 0, storage);
        admin = new PortalSimulatorClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        admin.reset();
    }

    static String body(int version, String html) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", version);
        n.put("organisationCode", "350582107");
        n.put("organisationName", "晋江市紫帽镇人民政府");
        n.put("year", 2020);
        n.put("title", "晋江市紫帽镇人民政府2020年政府信息公开工作年度报告");
        n.put("approvedAt", "2021-01-25T09:30:00+08:00");
        n.put("html", html);
        n.put("pdf", Base64.getEncoder().encodeToString(PDF));
        n.putObject("data").put("year", 2020);
        return n.toString();
    }

    HttpResponse<String> put(String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publishesServesAndKeepsTheHistory() throws Exception {
        HttpResponse<String> first = put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p>第一版</p>"));
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode a = JSON.readTree(first.body());
        assertThat(a.path("publicUrl").asText()).isEqualTo(server.baseUrl() + "/reports/350582107/2020");
        assertThat(a.path("versionUrl").asText()).endsWith("/reports/350582107/2020/v1");
        assertThat(a.path("current").asBoolean()).isTrue();
        assertThat(get("/reports/350582107/2020").body()).isEqualTo("<p>第一版</p>");

        HttpResponse<String> second = put("/api/reports/350582107/2020", "350582107/2020/2", body(2, "<p>第二版</p>"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(get("/reports/350582107/2020").body()).isEqualTo("<p>第二版</p>");
        assertThat(get("/reports/350582107/2020/v1").body()).isEqualTo("<p>第一版</p>");
        assertThat(get("/reports/350582107/2020/report.pdf").body()).startsWith("%PDF-");
        JsonNode history =
                JSON.readTree(get("/api/reports/350582107/2020/history").body());
        assertThat(history.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(history.path("versions")).hasSize(2);
        assertThat(JSON.readTree(get("/api/reports/350582107/2020").body())
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(storage.resolve("350582107/2020/v2/report.html")).hasContent("<p>第二版</p>");

        // an older version sent late is kept in the history but does not replace the page
        put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p>第一版</p>"));
        assertThat(get("/reports/350582107/2020").body()).isEqualTo("<p>第二版</p>");
        assertThat(get("/reports/350582107/2021").statusCode()).isEqualTo(404);
    }

    @Test
    void aRestartedPortalStillServesWhatItPublishedAndAnswersARepeatedRequestAsBefore() throws Exception {
        String body = body(1, "<p>重启之前</p>");
        HttpResponse<String> first = put("/api/reports/350582107/2020", "350582107/2020/1", body);
        assertThat(first.statusCode()).isEqualTo(201);
        server.close();
        server = PortalHttpServer.start("127.0.0.1", 0, storage);
        admin = new PortalSimulatorClient(server.baseUrl());

        HttpResponse<String> page = get("/reports/350582107/2020");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("重启之前");
        assertThat(get("/reports/350582107/2020/v1/report.pdf").statusCode()).isEqualTo(200);
        HttpResponse<String> again = put("/api/reports/350582107/2020", "350582107/2020/1", body);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue(PortalCore.REPLAYED)).hasValue("true");
        assertThat(JSON.readTree(again.body()).path("version").asInt()).isEqualTo(1);
        // a reset forgets it, on disk too: a restart after it starts empty
        admin.reset();
        server.close();
        server = PortalHttpServer.start("127.0.0.1", 0, storage);
        admin = new PortalSimulatorClient(server.baseUrl());
        assertThat(get("/reports/350582107/2020").statusCode()).isEqualTo(404);
    }

    @Test
    void theSameRequestTwiceIsHarmlessAndAKeyCannotBeReusedForAnother() throws Exception {
        String body = body(1, "<p>同一请求</p>");
        HttpResponse<String> first = put("/api/reports/350582107/2020", "350582107/2020/1", body);
        HttpResponse<String> again = put("/api/reports/350582107/2020", "350582107/2020/1", body);
        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(get("/api/reports/350582107/2020/history").body())
                        .path("versions"))
                .hasSize(1);

        HttpResponse<String> other = put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p>另一内容</p>"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(admin.publishCalls("350582107/2020/1")).isEqualTo(3);
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        assertThat(put("/api/reports/350582107/2020", null, body(1, "<p/>")).statusCode())
                .isEqualTo(400);
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/2", body(1, "<p/>"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/1", "{\"version\":1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/1", "not json")
                        .statusCode())
                .isEqualTo(400);
        String notPdf = body(1, "<p/>")
                .replace(
                        Base64.getEncoder().encodeToString(PDF),
                        Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/1", notPdf)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void canBeToldToFailOrGoDownOrSlowDown() throws Exception {
        admin.failNext(2);
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p/>"))
                        .statusCode())
                .isEqualTo(503);
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p/>"))
                        .statusCode())
                .isEqualTo(503);
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p/>"))
                        .statusCode())
                .isEqualTo(201);

        admin.down();
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/2", body(2, "<p/>"))
                        .statusCode())
                .isEqualTo(503);
        assertThat(get("/api/reports/350582107/2020/history").statusCode()).isEqualTo(503);
        assertThat(get("/reports/350582107/2020").statusCode()).isEqualTo(200); // the public pages stay up
        admin.up();
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/2", body(2, "<p/>"))
                        .statusCode())
                .isEqualTo(200);

        admin.delay(400, 1);
        long t0 = System.nanoTime();
        assertThat(put("/api/reports/350582107/2020", "350582107/2020/2", body(2, "<p/>"))
                        .statusCode())
                .isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(400);
        t0 = System.nanoTime();
        put("/api/reports/350582107/2020", "350582107/2020/2", body(2, "<p/>"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(400);

        JsonNode received = admin.received();
        assertThat(received.path("publishCalls").asInt()).isEqualTo(7);
        assertThat(received.path("publishCallsByKey").path("350582107/2020/1").asInt())
                .isEqualTo(3);
        assertThat(received.path("calls").findValuesAsText("status"))
                .containsExactly("503", "503", "201", "503", "503", "200", "200", "200");
    }

    /** Every path of the portal's OpenAPI document (contracts) is served. */
    @Test
    void servesEveryPathOfThePortalApiDocument() throws Exception {
        put("/api/reports/350582107/2020", "350582107/2020/1", body(1, "<p/>"));
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("portal/portal-api.yaml")) {
            assertThat(in).isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Map<String, String> values = Map.of("organisationCode", "350582107", "year", "2020", "version", "1");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String path = p.getKey();
            for (Map.Entry<String, String> v : values.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            if (p.getValue().has("get")) {
                assertThat(get(path).statusCode()).as("GET " + path).isEqualTo(200);
            }
        }
    }
}

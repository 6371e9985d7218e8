package cn.gov.disclosure.portal.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The government portal's publishing API ({@code contracts/src/main/resources/portal/portal-api.yaml}) as plain Java:
 * the reports it received, the history of their versions, the idempotency keys it answered, and a failure switch
 * for tests. Transport-free: {@link #handle} takes a request and answers a {@link Reply}; {@link PortalHttpServer}
 * (JDK) and the Quarkus app ({@code PortalRoutes}) only carry bytes to and from it.
 *
 * <p>Failures and delays apply to the portal API ({@code /api/**}) only, never to the public pages or {@code /admin}.
 */
public final class PortalCore {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern PUBLISH = Pattern.compile("^/api/reports/([^/]+)/(\\d{4})$");
    private static final Pattern HISTORY = Pattern.compile("^/api/reports/([^/]+)/(\\d{4})/history$");
    private static final Pattern PAGE =
            Pattern.compile("^/reports/([^/]+)/(\\d{4})(?:/v(\\d+))?(/report\\.pdf|/report\\.json|/)?$");

    /** One HTTP answer. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        public Reply {
            body = body == null ? new byte[0] : body;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One stored version of a report, as received. */
    public record StoredVersion(
            String organisationCode,
            int year,
            int version,
            String organisationName,
            String title,
            String approvedAt,
            String html,
            byte[] pdf,
            String dataJson,
            String idempotencyKey,
            String sha256,
            Instant publishedAt) {}

    /** One call to the portal API, as the failure switch saw it. */
    public record ReceivedCall(Instant at, String method, String path, String idempotencyKey, int status) {}

    private record Answer(String requestSha256, int status, String body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Path storageDir;
    private final Supplier<String> baseUrl;

    private final Map<String, TreeMap<Integer, StoredVersion>> reports = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<ReceivedCall> received = new ArrayList<>();

    private boolean down;
    private int failuresRemaining;
    private int failureStatus = 503;
    private long delayMs;
    private int delayedCallsRemaining = -1;

    /**
     * @param storageDir a folder to keep what is received in (also), or {@code null} for memory only
     * @param baseUrl    the base of the public URLs, e.g. {@code http://127.0.0.1:8090}
     */
    public PortalCore(Path storageDir, Supplier<String> baseUrl) {
        this.storageDir = storageDir;
        this.baseUrl = Objects.requireNonNull(baseUrl);
        load();
    }

    /**
     * What an earlier run published (the folder's {@code <org>/<year>/v<n>/} with the page, the PDF, the data and
     * {@code version.json}): a restarted portal serves every page it served, and answers a repeated PUT as before.
     */
    private void load() {
        if (storageDir == null || !Files.isDirectory(storageDir)) {
            return;
        }
        try (var found = Files.find(
                storageDir, 4, (path, attrs) -> path.getFileName().toString().equals(META))) {
            for (Path meta : found.toList()) {
                Path dir = meta.getParent();
                JsonNode m = json.readTree(meta.toFile());
                StoredVersion v = new StoredVersion(
                        m.path("organisationCode").asText(),
                        m.path("year").asInt(),
                        m.path("version").asInt(),
                        text(m, "organisationName"),
                        text(m, "title"),
                        text(m, "approvedAt"),
                        Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8),
                        Files.readAllBytes(dir.resolve("report.pdf")),
                        Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8),
                        text(m, "idempotencyKey"),
                        text(m, "sha256"),
                        Instant.parse(m.path("publishedAt").asText()));
                reports.computeIfAbsent(v.organisationCode() + "/" + v.year(), k -> new TreeMap<>())
                        .put(v.version(), v);
                JsonNode answer = m.path("answer");
                if (v.idempotencyKey() != null && answer.isObject()) {
                    answers.put(
                            v.idempotencyKey(),
                            new Answer(
                                    answer.path("requestSha256").asText(),
                                    answer.path("status").asInt(),
                                    answer.path("body").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read what was published before from " + storageDir, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    /**
     * Answers one request.
     *
     * @param header the request headers by (case-insensitive) name
     */
    public Reply handle(String method, String path, Function<String, String> header, byte[] body) {
        String m = method.toUpperCase(Locale.ROOT);
        try {
            if (path.startsWith("/admin/")) {
                return admin(m, path, body);
            }
            if (path.startsWith("/api/")) {
                return api(m, path, header, body);
            }
            if ("GET".equals(m) || "HEAD".equals(m)) {
                Matcher page = PAGE.matcher(path);
                if (page.matches()) {
                    return page(
                            page.group(1),
                            Integer.parseInt(page.group(2)),
                            page.group(3) == null ? null : Integer.parseInt(page.group(3)),
                            page.group(4));
                }
            }
            return problem(404, "not-found", "未找到 / Not found", path);
        } catch (BadRequest e) {
            return problem(400, "bad-request", "请求不正确 / Bad request", e.getMessage());
        }
    }

    private Reply api(String method, String path, Function<String, String> header, byte[] body) {
        String key = header.apply(IDEMPOTENCY_KEY);
        FailurePlan plan = nextCall();
        if (plan.failStatus > 0) {
            record(method, path, key, plan.failStatus);
            return problem(
                    plan.failStatus,
                    "unavailable",
                    "门户暂不可用 / Portal unavailable",
                    "simulated failure (" + (down ? "down" : "failing") + ")");
        }
        if (plan.delayMs > 0) {
            try {
                Thread.sleep(plan.delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Reply reply;
        Matcher publish = PUBLISH.matcher(path);
        Matcher history = HISTORY.matcher(path);
        if (publish.matches() && "PUT".equals(method)) {
            reply = publish(publish.group(1), Integer.parseInt(publish.group(2)), key, body);
        } else if (publish.matches() && "GET".equals(method)) {
            reply = current(publish.group(1), Integer.parseInt(publish.group(2)));
        } else if (history.matches() && "GET".equals(method)) {
            reply = history(history.group(1), Integer.parseInt(history.group(2)));
        } else if (publish.matches() || history.matches()) {
            reply = problem(405, "method-not-allowed", "不支持该请求方法 / Method not allowed", method);
        } else {
            reply = problem(404, "not-found", "未找到 / Not found", path);
        }
        record(method, path, key, reply.status());
        return reply;
    }

    private record FailurePlan(int failStatus, long delayMs) {}

    private synchronized FailurePlan nextCall() {
        if (down) {
            return new FailurePlan(failureStatus, 0);
        }
        if (failuresRemaining > 0) {
            failuresRemaining--;
            return new FailurePlan(failureStatus, 0);
        }
        long delay = 0;
        if (delayMs > 0 && delayedCallsRemaining != 0) {
            delay = delayMs;
            if (delayedCallsRemaining > 0) {
                delayedCallsRemaining--;
            }
        }
        return new FailurePlan(0, delay);
    }

    private synchronized void record(String method, String path, String key, int status) {
        received.add(new ReceivedCall(Instant.now(), method, path, key, status));
    }

    // ------------------------------------------------------------------------------------------------ the portal API

    /** PUT /api/reports/{organisationCode}/{year}: publish or replace (idempotent by Idempotency-Key). */
    private Reply publish(String org, int year, String key, byte[] body) {
        if (key == null || key.isBlank()) {
            return problem(
                    400, "idempotency-key-missing", "缺少 Idempotency-Key 请求头 / Idempotency-Key header required", null);
        }
        JsonNode req;
        try {
            req = json.readTree(body);
        } catch (IOException e) {
            return problem(400, "malformed-json", "请求体不是有效的 JSON / Body is not valid JSON", e.getMessage());
        }
        if (req == null || !req.isObject()) {
            return problem(400, "malformed-json", "请求体须为 JSON 对象 / Body must be a JSON object", null);
        }
        List<String> errors = new ArrayList<>();
        int version =
                req.path("version").canConvertToInt() && req.path("version").isIntegralNumber()
                        ? req.path("version").intValue()
                        : -1;
        if (version < 1) {
            errors.add("/version: 须为正整数 / must be a positive integer");
        }
        String html = req.path("html").isTextual() ? req.path("html").textValue() : null;
        if (html == null || html.isBlank()) {
            errors.add("/html: 必填 / required");
        }
        byte[] pdf = null;
        if (!req.path("pdf").isTextual()) {
            errors.add("/pdf: 必填（Base64）/ required (base64)");
        } else {
            try {
                pdf = Base64.getDecoder().decode(req.path("pdf").textValue());
                if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                    errors.add("/pdf: 不是 PDF 文件 / not a PDF document");
                }
            } catch (IllegalArgumentException e) {
                errors.add("/pdf: 不是有效的 Base64 / not valid base64");
            }
        }
        if (!req.path("data").isObject()) {
            errors.add("/data: 必填（报告 JSON）/ required (the report as JSON)");
        }
        if (!errors.isEmpty()) {
            return problem(400, "invalid-request", "请求内容不完整 / Invalid request", String.join("; ", errors));
        }
        String expectedKey = org + "/" + year + "/" + version;
        if (!expectedKey.equals(key)) {
            return problem(
                    400,
                    "idempotency-key-mismatch",
                    "Idempotency-Key 与报告不符 / Idempotency-Key does not match",
                    "expected " + expectedKey + ", got " + key);
        }
        String requestSha =
                sha256((version + "\n" + html + "\n" + req.path("pdf").textValue() + "\n" + req.path("data"))
                        .getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            Answer previous = answers.get(key);
            if (previous != null) {
                if (!previous.requestSha256().equals(requestSha)) {
                    return problem(
                            422,
                            "idempotency-key-reused",
                            "同一 Idempotency-Key 的请求内容不同 / Idempotency-Key reused with a different request",
                            "key " + key + " was used for another request");
                }
                return new Reply(
                        previous.status(),
                        "application/json",
                        previous.body().getBytes(StandardCharsets.UTF_8),
                        Map.of(REPLAYED, "true"));
            }
            TreeMap<Integer, StoredVersion> versions = reports.computeIfAbsent(org + "/" + year, k -> new TreeMap<>());
            boolean first = versions.isEmpty();
            StoredVersion stored = new StoredVersion(
                    org,
                    year,
                    version,
                    text(req, "organisationName"),
                    text(req, "title"),
                    text(req, "approvedAt"),
                    html,
                    pdf,
                    req.path("data").toString(),
                    key,
                    sha256(pdf),
                    Instant.now());
            versions.put(version, stored);
            writeToStorage(stored);
            ObjectNode answer = json.createObjectNode();
            answer.put("publicUrl", publicUrl(org, year));
            answer.put("versionUrl", publicUrl(org, year) + "/v" + version);
            answer.put("version", version);
            answer.put("current", versions.lastKey() == version);
            answer.put("publishedAt", stored.publishedAt().toString());
            int status = first ? 201 : 200;
            String answerBody = answer.toString();
            answers.put(key, new Answer(requestSha, status, answerBody));
            writeMeta(stored, answers.get(key));
            return new Reply(
                    status,
                    "application/json",
                    answerBody.getBytes(StandardCharsets.UTF_8),
                    Map.of("Location", publicUrl(org, year)));
        }
    }

    /** GET /api/reports/{organisationCode}/{year}: what the public page shows now. */
    private Reply current(String org, int year) {
        StoredVersion v = currentVersion(org, year);
        if (v == null) {
            return problem(404, "not-found", "该报告尚未公开 / Report not published", org + "/" + year);
        }
        ObjectNode n = versionNode(v);
        n.put("publicUrl", publicUrl(org, year));
        return jsonReply(200, n);
    }

    /** GET /api/reports/{organisationCode}/{year}/history: every version received, oldest first. */
    private Reply history(String org, int year) {
        List<StoredVersion> versions = versions(org, year);
        if (versions.isEmpty()) {
            return problem(404, "not-found", "该报告尚未公开 / Report not published", org + "/" + year);
        }
        ObjectNode n = json.createObjectNode();
        n.put("organisationCode", org);
        n.put("year", year);
        n.put("publicUrl", publicUrl(org, year));
        n.put("currentVersion", versions.get(versions.size() - 1).version());
        ArrayNode arr = n.putArray("versions");
        versions.forEach(v -> arr.add(versionNode(v)));
        return jsonReply(200, n);
    }

    private ObjectNode versionNode(StoredVersion v) {
        ObjectNode n = json.createObjectNode();
        n.put("organisationCode", v.organisationCode());
        n.put("year", v.year());
        n.put("version", v.version());
        n.put("organisationName", v.organisationName());
        n.put("title", v.title());
        n.put("approvedAt", v.approvedAt());
        n.put("publishedAt", v.publishedAt().toString());
        n.put("versionUrl", publicUrl(v.organisationCode(), v.year()) + "/v" + v.version());
        n.put("pdfUrl", publicUrl(v.organisationCode(), v.year()) + "/v" + v.version() + "/report.pdf");
        n.put("pdfSha256", v.sha256());
        n.put("idempotencyKey", v.idempotencyKey());
        return n;
    }

    /** GET /reports/{org}/{year}[/v{n}][/report.pdf|/report.json]: the public page and its files. */
    private Reply page(String org, int year, Integer version, String file) {
        StoredVersion v = version == null
                ? currentVersion(org, year)
                : versions(org, year).stream()
                        .filter(s -> s.version() == version)
                        .findFirst()
                        .orElse(null);
        if (v == null) {
            return new Reply(
                    404,
                    "text/html; charset=UTF-8",
                    "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"UTF-8\"><title>未找到</title><p>该报告尚未公开。</p></html>"
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
        if ("/report.pdf".equals(file)) {
            return new Reply(200, "application/pdf", v.pdf(), Map.of());
        }
        if ("/report.json".equals(file)) {
            return new Reply(200, "application/json", v.dataJson().getBytes(StandardCharsets.UTF_8), Map.of());
        }
        return new Reply(
                200,
                "text/html; charset=UTF-8",
                v.html().getBytes(StandardCharsets.UTF_8),
                Map.of("X-Report-Version", Integer.toString(v.version())));
    }

    // ------------------------------------------------------------------------------------------------ admin

    private Reply admin(String method, String path, byte[] body) {
        switch (method + " " + path) {
            case "POST /admin/failures" -> {
                JsonNode n = body(body);
                synchronized (this) {
                    if (n.has("status")) {
                        failureStatus = n.path("status").asInt(503);
                    }
                    if (n.has("mode")) {
                        String mode = n.path("mode").asText();
                        if (!mode.equals("down") && !mode.equals("up")) {
                            throw new BadRequest("mode must be 'down' or 'up'");
                        }
                        down = mode.equals("down");
                        if (!down) {
                            failuresRemaining = 0;
                        }
                    }
                    if (n.has("count")) {
                        failuresRemaining = Math.max(0, n.path("count").asInt());
                    }
                }
                return jsonReply(200, state());
            }
            case "POST /admin/delay" -> {
                JsonNode n = body(body);
                synchronized (this) {
                    delayMs = Math.max(0, n.path("ms").asLong(0));
                    delayedCallsRemaining =
                            n.has("count") ? Math.max(0, n.path("count").asInt()) : -1;
                }
                return jsonReply(200, state());
            }
            case "GET /admin/received" -> {
                return jsonReply(200, receivedNode());
            }
            case "GET /admin/state" -> {
                return jsonReply(200, state());
            }
            case "POST /admin/reset" -> {
                reset();
                return jsonReply(200, state());
            }
            default -> {
                return problem(404, "not-found", "未找到 / Not found", path);
            }
        }
    }

    private JsonNode body(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode n = json.readTree(body);
            return n == null ? json.createObjectNode() : n;
        } catch (IOException e) {
            throw new BadRequest("body is not valid JSON");
        }
    }

    /** Forgets everything: reports, answers, received calls, failures and delays. */
    /** Forgets everything, what it keeps on disk too (a reset portal stays empty after a restart). */
    public synchronized void reset() {
        if (storageDir != null && Files.isDirectory(storageDir)) {
            try (var files = Files.walk(storageDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(storageDir)) {
                        Files.delete(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + storageDir, e);
            }
        }
        reports.clear();
        answers.clear();
        received.clear();
        down = false;
        failuresRemaining = 0;
        failureStatus = 503;
        delayMs = 0;
        delayedCallsRemaining = -1;
    }

    public synchronized ObjectNode state() {
        ObjectNode n = json.createObjectNode();
        n.put("mode", down ? "down" : "up");
        n.put("failuresRemaining", failuresRemaining);
        n.put("failureStatus", failureStatus);
        n.put("delayMs", delayMs);
        n.put("delayedCallsRemaining", delayedCallsRemaining);
        n.put("reports", reports.size());
        return n;
    }

    private synchronized ObjectNode receivedNode() {
        ObjectNode n = json.createObjectNode();
        n.put("total", received.size());
        n.put(
                "publishCalls",
                received.stream().filter(c -> c.method().equals("PUT")).count());
        ObjectNode byKey = n.putObject("publishCallsByKey");
        Map<String, Integer> counts = new LinkedHashMap<>();
        received.stream()
                .filter(c -> c.method().equals("PUT") && c.idempotencyKey() != null)
                .forEach(c -> counts.merge(c.idempotencyKey(), 1, Integer::sum));
        counts.forEach(byKey::put);
        ArrayNode calls = n.putArray("calls");
        for (ReceivedCall c : received) {
            ObjectNode call = calls.addObject();
            call.put("at", c.at().toString());
            call.put("method", c.method());
            call.put("path", c.path());
            call.put("idempotencyKey", c.idempotencyKey());
            call.put("status", c.status());
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** Every version of a report received, oldest first. */
    public List<StoredVersion> versions(String org, int year) {
        TreeMap<Integer, StoredVersion> v = reports.get(org + "/" + year);
        if (v == null) {
            return List.of();
        }
        synchronized (this) {
            return List.copyOf(v.values());
        }
    }

    /** The version the public page shows: the highest received. */
    public StoredVersion currentVersion(String org, int year) {
        List<StoredVersion> v = versions(org, year);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    public synchronized List<ReceivedCall> received() {
        return List.copyOf(received);
    }

    public String publicUrl(String org, int year) {
        return baseUrl.get() + "/reports/" + org + "/" + year;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The name of a stored version's description (everything but the page, the PDF and the data). */
    private static final String META = "version.json";

    private void writeMeta(StoredVersion v, Answer answer) {
        if (storageDir == null) {
            return;
        }
        ObjectNode m = json.createObjectNode();
        m.put("organisationCode", v.organisationCode());
        m.put("year", v.year());
        m.put("version", v.version());
        m.put("organisationName", v.organisationName());
        m.put("title", v.title());
        m.put("approvedAt", v.approvedAt());
        m.put("idempotencyKey", v.idempotencyKey());
        m.put("sha256", v.sha256());
        m.put("publishedAt", v.publishedAt().toString());
        ObjectNode a = m.putObject("answer");
        a.put("requestSha256", answer.requestSha256());
        a.put("status", answer.status());
        a.put("body", answer.body());
        Path dir = storageDir
                .resolve(v.organisationCode())
                .resolve(Integer.toString(v.year()))
                .resolve("v" + v.version());
        try {
            // written last: a version whose files are not all there is not loaded
            Files.write(dir.resolve(META), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + dir, e);
        }
    }

    private void writeToStorage(StoredVersion v) {
        if (storageDir == null) {
            return;
        }
        Path dir = storageDir
                .resolve(v.organisationCode())
                .resolve(Integer.toString(v.year()))
                .resolve("v" + v.version());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.html"), v.html(), StandardCharsets.UTF_8);
            Files.write(dir.resolve("report.pdf"), v.pdf());
            Files.writeString(dir.resolve("report.json"), v.dataJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + dir, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private Reply jsonReply(int status, JsonNode body) {
        try {
            return new Reply(status, "application/json", json.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply problem(int status, String slug, String title, String detail) {
        ObjectNode n = json.createObjectNode();
        n.put("type", "https://portal.example.gov.cn/problems/" + slug);
        n.put("title", title);
        n.put("status", status);
        if (detail != null) {
            n.put("detail", detail);
        }
        try {
            return new Reply(status, "application/problem+json", json.writeValueAsBytes(n), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}

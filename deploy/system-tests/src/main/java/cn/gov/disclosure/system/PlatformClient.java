package cn.gov.disclosure.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform as its users call it, over HTTP with tokens of the platform's OIDC provider: townships submit to
 * intake, county reviewers decide in review, operators look at publication.
 */
public final class PlatformClient {

    public static final String TOWNSHIP = "township-submitter";
    public static final String REVIEWER = "county-reviewer";
    public static final String OPERATOR = "operator";

    private final LocalPlatform platform;
    private final Http http;

    public PlatformClient(LocalPlatform platform, Http http) {
        this.platform = platform;
        this.http = http;
    }

    public PlatformClient(LocalPlatform platform) {
        this(platform, new Http());
    }

    public Http http() {
        return http;
    }

    public String townshipToken(String organisationCode) {
        return platform.oidc().token("township-" + organisationCode, TOWNSHIP, organisationCode);
    }

    public String reviewerToken(String countyCode) {
        return platform.oidc().token("reviewer-" + countyCode, REVIEWER, countyCode);
    }

    public String operatorToken() {
        return platform.oidc().token("operator", OPERATOR, null);
    }

    // ------------------------------------------------------------------ intake

    /** Imports the township's document as text; {@code idempotencyKey} may be null. */
    public Http.Answer importText(String organisationCode, String text, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return http.postText(
                platform.url("intake") + "/api/v1/reports/import", townshipToken(organisationCode), text, headers);
    }

    /** Submits the report as JSON (the contracts model). */
    public Http.Answer submitJson(String organisationCode, Object report, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return http.postJson(
                platform.url("intake") + "/api/v1/reports", townshipToken(organisationCode), report, headers);
    }

    /** The township's view of its report: every version and its state. */
    public JsonNode report(String organisationCode, String reportId) {
        return ok(http.get(platform.url("intake") + "/api/v1/reports/" + reportId, townshipToken(organisationCode)));
    }

    // ------------------------------------------------------------------ review

    public static String caseId(String reportId, int version) {
        return reportId + "-v" + version;
    }

    /** The case as its county's reviewer sees it; empty while it does not exist (404). */
    public Optional<JsonNode> reviewCase(String countyCode, String caseId) {
        Http.Answer a = http.get(platform.url("review") + "/api/v1/cases/" + caseId, reviewerToken(countyCode));
        return a.status() == 404 ? Optional.empty() : Optional.of(ok(a));
    }

    public JsonNode claim(String countyCode, String caseId) {
        JsonNode c = reviewCase(countyCode, caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        return act(countyCode, caseId, "claim", c.path("etag").asText(), Map.of());
    }

    /** Approves a claimed case, acknowledging every warning it has. */
    public JsonNode approve(String countyCode, JsonNode claimedCase, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", comment);
        body.put("acknowledgements", claimedCase.path("warningsToAcknowledge"));
        return act(
                countyCode,
                claimedCase.path("id").asText(),
                "approve",
                claimedCase.path("etag").asText(),
                body);
    }

    public JsonNode returnToTownship(String countyCode, JsonNode claimedCase, String comment) {
        return act(
                countyCode,
                claimedCase.path("id").asText(),
                "return",
                claimedCase.path("etag").asText(),
                Map.of("comment", comment));
    }

    /** Claims and approves in one go (every warning acknowledged). */
    public JsonNode claimAndApprove(String countyCode, String caseId, String comment) {
        return approve(countyCode, claim(countyCode, caseId), comment);
    }

    private JsonNode act(String countyCode, String caseId, String action, String etag, Object body) {
        return ok(http.postJson(
                platform.url("review") + "/api/v1/cases/" + caseId + "/" + action,
                reviewerToken(countyCode),
                body,
                Map.of("If-Match", etag)));
    }

    // ------------------------------------------------------------------ publication

    /** The publication of a version as the operator sees it; empty while unknown (404). */
    public Optional<JsonNode> publication(String reportId, int version) {
        Http.Answer a = http.get(
                platform.url("publication") + "/api/v1/publications/" + reportId + "/" + version, operatorToken());
        return a.status() == 404 ? Optional.empty() : Optional.of(ok(a));
    }

    public JsonNode publications(String query) {
        return ok(http.get(
                platform.url("publication") + "/api/v1/publications" + (query == null ? "" : "?" + query),
                operatorToken()));
    }

    public JsonNode retryPublication(String reportId, int version) {
        return ok(http.postJson(
                platform.url("publication") + "/api/v1/publications/" + reportId + "/" + version + "/retry",
                operatorToken(),
                "",
                Map.of()));
    }

    public JsonNode verifyArchive() {
        return ok(http.get(platform.url("publication") + "/api/v1/archive/verify", operatorToken()));
    }

    /** The Prometheus text of a service. */
    public String metrics(String service) {
        Http.Answer a = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + "/q/metrics"))
                .header("Accept", "text/plain")
                .GET()
                .build());
        if (a.status() != 200) {
            throw new IllegalStateException(service + " /q/metrics: " + a);
        }
        return a.text();
    }

    private static JsonNode ok(Http.Answer a) {
        if (a.status() / 100 != 2) {
            throw new UnexpectedAnswer(a);
        }
        return a.json();
    }

    /** A call that did not answer 2xx. */
    public static final class UnexpectedAnswer extends RuntimeException {
        private final Http.Answer answer;

        public UnexpectedAnswer(Http.Answer answer) {
            super("HTTP " + answer);
            this.answer = answer;
        }

        public Http.Answer answer() {
            return answer;
        }
    }
}

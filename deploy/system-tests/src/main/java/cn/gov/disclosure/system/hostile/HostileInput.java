package cn.gov.disclosure.system.hostile;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.system.Http;
import cn.gov.disclosure.system.LocalPlatform;
import cn.gov.disclosure.system.PlatformClient;
import cn.gov.disclosure.system.load.ReportGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A generated corpus of malformed and hostile requests against every endpoint of the four services: broken JSON,
 * wrong types, huge numbers, deep nesting, oversized bodies, invalid UTF-8, XSS- and SQL-looking strings in every text
 * field and parameter, forged, expired, unsigned and wrong-role tokens, another township's or county's ids. Each probe
 * says whether it must be refused ({@link Expect#REFUSED}: any 4xx) or may be accepted as odd but legitimate input
 * ({@link Expect#NOT_5XX}: a report whose text contains {@code <script>} is text; it is escaped where it is shown).
 * No probe may get a 5xx.
 */
public final class HostileInput {

    public enum Expect {
        REFUSED,
        NOT_5XX
    }

    /** One request of the corpus. */
    public record Probe(String service, String name, Expect expect, HttpRequest request) {}

    /** What a probe got. */
    public record Outcome(Probe probe, int status, String body) {
        public boolean violation() {
            return status >= 500 || status == 0 || (probe.expect() == Expect.REFUSED && status / 100 != 4);
        }
    }

    /** The strings an attacker puts in text fields and parameters. */
    public static final List<String> NASTY = List.of(
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE report_version; --",
            "' OR '1'='1",
            "../../../../etc/passwd",
            "\u0000\u0001\u0007",
            "${jndi:ldap://127.0.0.1/a}",
            "%00%0d%0aSet-Cookie:x=1",
            "A".repeat(70_000),
            "\uD83D\uDE00\u202E\uFEFF 𠀀𪚥");

    private final LocalPlatform platform;
    private final PlatformClient client;
    private final String township; // the attacker's own township
    private final String otherTownship; // a township of another county, whose report exists
    private final String otherReportId;
    private final String otherCaseId;
    private final String ownCounty;
    private final List<Probe> probes = new ArrayList<>();

    /**
     * @param township       a township the attacker signs in as (its county reviewer is the county attacker)
     * @param otherTownship  a township of another county that has submitted {@code otherReportId}
     * @param otherCaseId    a review case of that other county
     */
    public HostileInput(
            LocalPlatform platform,
            PlatformClient client,
            String township,
            String otherTownship,
            String otherReportId,
            String otherCaseId) {
        this.platform = platform;
        this.client = client;
        this.township = township;
        this.otherTownship = otherTownship;
        this.otherReportId = otherReportId;
        this.otherCaseId = otherCaseId;
        this.ownCounty = township.substring(0, 6);
        build();
    }

    public List<Probe> probes() {
        return probes;
    }

    /** Answers counted by service and status class. */
    public static Map<String, Map<String, Integer>> tally(List<Outcome> outcomes) {
        Map<String, Map<String, Integer>> t = new TreeMap<>();
        for (Outcome o : outcomes) {
            t.computeIfAbsent(o.probe().service(), k -> new TreeMap<>())
                    .merge(o.status() == 0 ? "no answer" : Integer.toString(o.status()), 1, Integer::sum);
        }
        return t;
    }

    // ------------------------------------------------------------------ the corpus

    private void build() {
        String intake = platform.url("intake");
        String validation = platform.url("validation");
        String review = platform.url("review");
        String publication = platform.url("publication");
        String own = client.townshipToken(township);
        String reviewer = client.reviewerToken(ownCounty);
        String operator = client.operatorToken();
        byte[] valid = json(ReportGenerator.generate(7, "攻击测试镇", 2024, ReportGenerator.Fault.NONE));

        // --- tokens: every protected endpoint with no, forged, expired, unsigned, garbage and wrong-role tokens
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("forged signature", platform.oidc().forged("x", PlatformClient.TOWNSHIP, township));
        badTokens.put("expired", platform.oidc().expired("x", PlatformClient.TOWNSHIP, township));
        badTokens.put("unsigned (alg none)", platform.oidc().unsigned("x", PlatformClient.OPERATOR, township));
        badTokens.put("garbage", "not.a.token");
        List<String[]> protectedCalls = List.of(
                new String[] {"intake", "POST", intake + "/api/v1/reports"},
                new String[] {"intake", "POST", intake + "/api/v1/reports/import"},
                new String[] {"intake", "GET", intake + "/api/v1/reports?year=2024"},
                new String[] {"intake", "GET", intake + "/api/v1/reports/" + otherReportId},
                new String[] {"intake", "POST", intake + "/api/v1/reports/" + otherReportId + "/versions/1/withdraw"},
                new String[] {"validation", "POST", validation + "/api/v1/validate"},
                new String[] {"review", "GET", review + "/api/v1/cases"},
                new String[] {"review", "GET", review + "/api/v1/cases/" + otherCaseId},
                new String[] {"review", "POST", review + "/api/v1/cases/" + otherCaseId + "/claim"},
                new String[] {"review", "GET", review + "/api/v1/completeness?year=2024"},
                new String[] {"review", "GET", review + "/api/v1/summary?year=2024"},
                new String[] {"review", "GET", review + "/api/v1/summary/export.xlsx?year=2024"},
                new String[] {"intake", "POST", intake + "/api/v1/history?organisation=" + township + "&year=2023"},
                new String[] {"intake", "GET", intake + "/api/v1/history?year=2023"},
                new String[] {"publication", "GET", publication + "/api/v1/publications"},
                new String[] {"publication", "POST", publication + "/api/v1/publications/" + otherReportId + "/1/retry"
                },
                new String[] {"publication", "GET", publication + "/api/v1/archive/verify"});
        for (String[] call : protectedCalls) {
            badTokens.forEach((what, token) -> add(
                    call[0],
                    call[1] + " " + path(call[2]) + " with " + what,
                    Expect.REFUSED,
                    req(call[2], token).method(call[1], body(call[1], valid))));
        }
        // wrong role or wrong organisation: a township on the reviewers' and operators' endpoints, a reviewer on
        // intake's submission, another township's and another county's ids
        add(
                "review",
                "township lists cases",
                Expect.REFUSED,
                req(review + "/api/v1/cases", own).GET());
        add(
                "review",
                "township claims a case",
                Expect.REFUSED,
                req(review + "/api/v1/cases/" + otherCaseId + "/claim", own)
                        .header("If-Match", "\"1\"")
                        .POST(none()));
        add(
                "publication",
                "township retries a publication",
                Expect.REFUSED,
                req(publication + "/api/v1/publications/" + otherReportId + "/1/retry", own)
                        .POST(none()));
        add(
                "publication",
                "reviewer verifies the archive",
                Expect.REFUSED,
                req(publication + "/api/v1/archive/verify", reviewer).GET());
        add(
                "intake",
                "reviewer submits a report",
                Expect.REFUSED,
                req(intake + "/api/v1/reports", reviewer)
                        .header("Content-Type", "application/json")
                        .POST(bytes(valid)));
        add(
                "intake",
                "operator submits a report",
                Expect.REFUSED,
                req(intake + "/api/v1/reports", operator)
                        .header("Content-Type", "application/json")
                        .POST(bytes(valid)));
        add(
                "intake",
                "another township's report",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/" + otherReportId, own).GET());
        add(
                "intake",
                "another township's version",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/" + otherReportId + "/versions/1", own)
                        .GET());
        add(
                "intake",
                "withdraw another township's version",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/" + otherReportId + "/versions/1/withdraw", own)
                        .POST(none()));
        add(
                "review",
                "another county's case",
                Expect.REFUSED,
                req(review + "/api/v1/cases/" + otherCaseId, reviewer).GET());
        add(
                "review",
                "another county's audit",
                Expect.REFUSED,
                req(review + "/api/v1/cases/" + otherCaseId + "/audit", reviewer)
                        .GET());
        add(
                "review",
                "claim another county's case",
                Expect.REFUSED,
                req(review + "/api/v1/cases/" + otherCaseId + "/claim", reviewer)
                        .header("If-Match", "\"1\"")
                        .POST(none()));
        add(
                "review",
                "approve another county's case",
                Expect.REFUSED,
                req(review + "/api/v1/cases/" + otherCaseId + "/approve", reviewer)
                        .header("If-Match", "\"1\"")
                        .header("Content-Type", "application/json")
                        .POST(str("{\"acknowledgements\":[]}")));
        add(
                "review",
                "another county's cases by filter",
                Expect.REFUSED,
                req(review + "/api/v1/cases?county=" + otherTownship.substring(0, 6), reviewer)
                        .GET());
        add(
                "review",
                "another county's completeness",
                Expect.REFUSED,
                req(review + "/api/v1/completeness?year=2024&county=" + otherTownship.substring(0, 6), reviewer)
                        .GET());
        add(
                "review",
                "another county's summary",
                Expect.REFUSED,
                req(review + "/api/v1/summary?year=2024&county=" + otherTownship.substring(0, 6), reviewer)
                        .GET());
        add(
                "intake",
                "a township loading history",
                Expect.REFUSED,
                req(intake + "/api/v1/history?organisation=" + township + "&year=2023", own)
                        .header("Content-Type", "text/plain")
                        .POST(str("平潭综合实验区海坛片区管理局2023年度政府信息公开工作年度报告")));

        // --- bodies of the JSON endpoints
        Map<String, byte[]> badBodies = new LinkedHashMap<>();
        String v = new String(valid, StandardCharsets.UTF_8);
        badBodies.put("empty body", new byte[0]);
        badBodies.put("truncated JSON", v.substring(0, v.length() / 2).getBytes(StandardCharsets.UTF_8));
        badBodies.put("trailing garbage", (v + "}}]garbage").getBytes(StandardCharsets.UTF_8));
        badBodies.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        badBodies.put("an array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        badBodies.put("a string", "\"report\"".getBytes(StandardCharsets.UTF_8));
        badBodies.put("year as text", replace(valid, r -> r.put("year", "二〇二四年")));
        badBodies.put("year huge", replace(valid, r -> r.put("year", new BigInteger("9".repeat(40)))));
        badBodies.put("year negative", replace(valid, r -> r.put("year", -2024)));
        badBodies.put("sections as number", replace(valid, r -> r.put("sections", 5)));
        badBodies.put("unknown template", replace(valid, r -> r.put("template", "1999")));
        badBodies.put("unknown field", replace(valid, r -> r.put("isAdmin", true)));
        badBodies.put(
                "cell as text",
                replace(
                        valid,
                        r -> ((ObjectNode) r.path("applications").path("newReceived")).put("naturalPerson", "十二")));
        badBodies.put("cell 1e999999", utf8(v.replaceFirst("\"naturalPerson\":\\d+", "\"naturalPerson\":1e999999")));
        badBodies.put(
                "cell 40 digits",
                utf8(v.replaceFirst("\"naturalPerson\":\\d+", "\"naturalPerson\":" + "9".repeat(40))));
        badBodies.put("cell NaN", utf8(v.replaceFirst("\"naturalPerson\":\\d+", "\"naturalPerson\":NaN")));
        badBodies.put(
                "deep nesting (100,000 levels)",
                ("{\"sections\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8));
        badBodies.put(
                "invalid UTF-8",
                concat(
                        "{\"organisationName\":\"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE},
                        "\",\"year\":2024}".getBytes(StandardCharsets.UTF_8)));
        badBodies.put(
                "oversized (6 MiB)",
                ("{\"title\":\"" + "长".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        badBodies.forEach((what, body) -> {
            add(
                    "intake",
                    "POST /api/v1/reports " + what,
                    Expect.REFUSED,
                    req(intake + "/api/v1/reports", own)
                            .header("Content-Type", "application/json")
                            .POST(bytes(body)));
            add(
                    "validation",
                    "POST /api/v1/validate " + what,
                    Expect.REFUSED,
                    req(validation + "/api/v1/validate", own)
                            .header("Content-Type", "application/json")
                            .POST(bytes(body)));
        });
        add(
                "intake",
                "POST /api/v1/reports as XML",
                Expect.REFUSED,
                req(intake + "/api/v1/reports", own)
                        .header("Content-Type", "application/xml")
                        .POST(str("<report><year>2024</year></report>")));
        add(
                "intake",
                "import: empty text",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/import", own)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(none()));
        add(
                "intake",
                "import: invalid UTF-8",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/import", own)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, (byte) 0xC3})));
        add(
                "intake",
                "import: a broken .docx",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/import", own)
                        .header(
                                "Content-Type",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                        .POST(bytes(concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), new byte[2000]))));
        add(
                "intake",
                "import: a zip bomb-ish .docx header",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/import", own)
                        .header("Content-Type", "application/octet-stream")
                        .POST(bytes(new byte[4096])));
        add(
                "intake",
                "import: oversized text (6 MiB)",
                Expect.REFUSED,
                req(intake + "/api/v1/reports/import", own)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(str("一、总体情况\n" + "字".repeat(2 * 1024 * 1024))));
        for (String nasty : NASTY) {
            add(
                    "intake",
                    "import: text " + label(nasty),
                    Expect.REFUSED,
                    req(intake + "/api/v1/reports/import", own)
                            .header("Content-Type", "text/plain; charset=UTF-8")
                            .POST(str(nasty)));
        }
        // review's decisions: broken bodies, bad If-Match
        String ownCase = otherCaseId; // a real case id; the county check comes first, the body's after
        for (String body : List.of(
                "",
                "{",
                "[]",
                "{\"comment\":5}",
                "{\"acknowledgements\":\"all\"}",
                "{\"acknowledgements\":[{\"findingCode\":" + "[".repeat(50_000) + "]}]}")) {
            add(
                    "review",
                    "return with body " + label(body),
                    Expect.REFUSED,
                    req(review + "/api/v1/cases/" + ownCase + "/return", reviewer)
                            .header("If-Match", "\"1\"")
                            .header("Content-Type", "application/json")
                            .POST(str(body)));
        }
        for (String etag : List.of("garbage", "\"-1\"", "\"99999999999999999999\"", "W/\"x\"", "*")) {
            add(
                    "review",
                    "claim with If-Match " + etag,
                    Expect.REFUSED,
                    req(review + "/api/v1/cases/" + ownCase + "/claim", reviewer)
                            .header("If-Match", etag)
                            .POST(none()));
        }

        // --- text fields of a report: every one with every nasty string (odd, but text: may be accepted)
        AnnualReport base = ReportGenerator.generate(11, "攻击测试镇", 2023, ReportGenerator.Fault.NONE);
        int k = 0;
        for (String nasty : NASTY) {
            if (nasty.length() > 1000) {
                continue; // the long one goes in once, below
            }
            List<AnnualReport> variants = new ArrayList<>();
            variants.add(new AnnualReport(
                    nasty,
                    base.year(),
                    base.template(),
                    base.title(),
                    base.sections(),
                    base.activeDisclosure(),
                    base.applications(),
                    base.reviewsAndLitigation()));
            variants.add(new AnnualReport(
                    base.organisationName(),
                    base.year(),
                    base.template(),
                    nasty,
                    base.sections(),
                    base.activeDisclosure(),
                    base.applications(),
                    base.reviewsAndLitigation()));
            List<Section> inText = base.sections().stream()
                    .map(s -> new Section(s.key(), s.heading() + nasty, s.text() + nasty))
                    .toList();
            variants.add(new AnnualReport(
                    base.organisationName(),
                    base.year(),
                    base.template(),
                    base.title(),
                    inText,
                    base.activeDisclosure(),
                    base.applications(),
                    base.reviewsAndLitigation()));
            for (AnnualReport r : variants) {
                add(
                        "validation",
                        "validate with " + label(nasty) + " in text #" + (k % 3),
                        Expect.NOT_5XX,
                        req(validation + "/api/v1/validate", own)
                                .header("Content-Type", "application/json")
                                .POST(bytes(json(r))));
                k++;
            }
            // one dry-run import per string (nothing stored either way)
            add(
                    "intake",
                    "dry-run import with " + label(nasty) + " in the text",
                    Expect.NOT_5XX,
                    req(intake + "/api/v1/reports/import?dryRun=true", own)
                            .header("Content-Type", "text/plain; charset=UTF-8")
                            .POST(str("一、总体情况\n" + nasty + "\n二、主动公开政府信息情况\n")));
        }

        // --- parameters and path segments
        for (String nasty : NASTY) {
            // past the 4,096 characters of a request line either way (414); a longer one makes the JDK's client lose
            // the server's answer when the server closes the connection after it (curl reads the 414)
            String q = URLEncoder.encode(
                    nasty.length() > 1000 ? nasty.substring(0, 3_000) : nasty, StandardCharsets.UTF_8);
            add(
                    "intake",
                    "GET reports?year=" + label(nasty),
                    Expect.REFUSED,
                    req(intake + "/api/v1/reports?year=" + q, own).GET());
            add(
                    "intake",
                    "GET report id " + label(nasty),
                    Expect.REFUSED,
                    req(intake + "/api/v1/reports/" + q, own).GET());
            add(
                    "intake",
                    "GET version " + label(nasty),
                    Expect.REFUSED,
                    req(intake + "/api/v1/reports/" + otherReportId + "/versions/" + q, own)
                            .GET());
            add(
                    "review",
                    "GET cases?year=" + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/cases?year=" + q, reviewer).GET());
            add(
                    "review",
                    "GET cases?sort=" + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/cases?sort=" + q, reviewer).GET());
            add(
                    "review",
                    "GET cases?state=" + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/cases?state=" + q, reviewer).GET());
            add(
                    "review",
                    "GET cases?page=" + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/cases?page=" + q, reviewer).GET());
            add(
                    "review",
                    "GET cases?township=" + label(nasty),
                    Expect.NOT_5XX,
                    req(review + "/api/v1/cases?township=" + q, reviewer).GET());
            add(
                    "review",
                    "GET case " + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/cases/" + q, reviewer).GET());
            add(
                    "review",
                    "GET completeness?year=" + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/completeness?year=" + q, reviewer).GET());
            add(
                    "review",
                    "GET catalogue " + label(nasty),
                    Expect.REFUSED,
                    req(review + "/api/v1/catalogue/" + q, null).GET());
            add(
                    "publication",
                    "GET publications?year=" + label(nasty),
                    Expect.REFUSED,
                    req(publication + "/api/v1/publications?year=" + q, operator)
                            .GET());
            add(
                    "publication",
                    "GET publications?status=" + label(nasty),
                    Expect.REFUSED,
                    req(publication + "/api/v1/publications?status=" + q, operator)
                            .GET());
            add(
                    "publication",
                    "GET publications?limit=" + label(nasty),
                    Expect.REFUSED,
                    req(publication + "/api/v1/publications?limit=" + q, operator)
                            .GET());
            add(
                    "publication",
                    "GET publication " + label(nasty),
                    Expect.REFUSED,
                    req(publication + "/api/v1/publications/" + q + "/1", operator)
                            .GET());
            add(
                    "publication",
                    "retry " + label(nasty),
                    Expect.REFUSED,
                    req(publication + "/api/v1/publications/" + q + "/" + q + "/retry", operator)
                            .POST(none()));
        }
        for (String odd : List.of("-1", "0", "99999999999", "2147483648", "1e3", "0x10", "")) {
            add(
                    "review",
                    "GET cases?size=" + odd,
                    Expect.REFUSED,
                    req(review + "/api/v1/cases?size=" + odd + "&page=-1", reviewer)
                            .GET());
            add(
                    "intake",
                    "GET version " + odd,
                    Expect.REFUSED,
                    req(intake + "/api/v1/reports/" + otherReportId + "/versions/" + odd, own)
                            .GET());
        }
        add(
                "intake",
                "Idempotency-Key of 10,000 characters",
                Expect.REFUSED,
                req(intake + "/api/v1/reports", own)
                        .header("Idempotency-Key", "k".repeat(10_000))
                        .header("Content-Type", "application/json")
                        .POST(bytes(valid)));
    }

    // ------------------------------------------------------------------ helpers

    private void add(String service, String name, Expect expect, HttpRequest.Builder request) {
        probes.add(new Probe(service, name, expect, request.build()));
    }

    private static HttpRequest.Builder req(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(String method, byte[] valid) {
        return method.equals("POST")
                ? HttpRequest.BodyPublishers.ofByteArray(valid)
                : HttpRequest.BodyPublishers.noBody();
    }

    private static HttpRequest.BodyPublisher none() {
        return HttpRequest.BodyPublishers.noBody();
    }

    private static HttpRequest.BodyPublisher bytes(byte[] b) {
        return HttpRequest.BodyPublishers.ofByteArray(b);
    }

    private static HttpRequest.BodyPublisher str(String s) {
        return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Object o) {
        try {
            return ContractsJson.mapper().writeValueAsBytes(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replace(byte[] json, Consumer<ObjectNode> change) {
        try {
            ObjectNode n = (ObjectNode) Http.JSON.readTree(json);
            change.accept(n);
            return Http.JSON.writeValueAsBytes(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    static String label(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", "·");
        return oneLine.length() > 40 ? oneLine.substring(0, 12) + "…(" + s.length() + " chars)" : "«" + oneLine + "»";
    }
}

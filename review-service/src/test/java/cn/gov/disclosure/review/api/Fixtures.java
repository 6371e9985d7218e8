package cn.gov.disclosure.review.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import cn.gov.disclosure.infra.oidc.TestTokens;
import cn.gov.disclosure.review.domain.CaseIds;
import cn.gov.disclosure.support.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The townships and counties of deploy/organisations.json, tokens for their users, and cases opened the real way:
 * a <em>report validated</em> event sent through Kafka. Every test takes its own reporting year ({@link #newYear()}),
 * so tests never share a report, a case or a year of the deadlines view.
 */
final class Fixtures {

    // 晋江市 and its five townships
    static final String JINJIANG = "350582";
    static final String ZIMAO = "350582107";
    static final String ANHAI = "350582101";
    static final String CHIDIAN = "350582102";
    static final String SHENHU = "350582104";
    static final String JINJING = "350582105";
    // 孟津区 and its two townships
    static final String MENGJIN = "410308";
    static final String HUIMENG = "410308101";
    static final String PINGLE = "410308102";

    static final String CASES = "/api/v1/cases";

    private static final AtomicInteger YEARS = new AtomicInteger(2100);

    private Fixtures() {}

    /** A reporting year no other test uses. */
    static int newYear() {
        return YEARS.getAndIncrement();
    }

    /** {@code n} consecutive reporting years no other test uses; returns the first. */
    static int newYears(int n) {
        return YEARS.getAndAdd(n);
    }

    static String reviewer(String county) {
        return reviewer(county, "reviewer-" + county);
    }

    static String reviewer(String county, String user) {
        return bearer(user, Roles.COUNTY_REVIEWER, county);
    }

    static String provinceAdmin() {
        return bearer("province-admin", Roles.PROVINCE_ADMIN, "350000");
    }

    static String submitter(String township) {
        return bearer("staff-" + township, Roles.TOWNSHIP_SUBMITTER, township);
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** A signed token (valid for an hour), signed once per user, role and organisation. */
    static String bearer(String user, String role, String org) {
        return TOKENS.computeIfAbsent(
                user + "|" + role + "|" + org, k -> "Bearer " + TestTokens.token(user, role, org));
    }

    static String county(String township) {
        return township.substring(0, 6);
    }

    /** Seed 004 (a 2021-template report) as the report of another township and year. */
    static AnnualReport report(int year, String organisationName) {
        AnnualReport r = GoldenSeeds.load(4);
        return new AnnualReport(
                organisationName,
                year,
                r.template(),
                organisationName + year + "年政府信息公开工作年度报告",
                r.sections(),
                r.activeDisclosure(),
                r.applications(),
                r.reviewsAndLitigation());
    }

    static final Finding RULES_WARNING = new Finding(
            "RULES-AT-TOWNSHIP",
            Severity.WARNING,
            Location.cell(SectionKey.ACTIVE_DISCLOSURE, 2, "rules", "issued"),
            null,
            BigDecimal.ONE,
            "乡镇人民政府一般不制发规章",
            "a township rarely makes rules");
    static final Finding FEES_WARNING = new Finding(
            "FEES-NOT-STATED",
            Severity.WARNING,
            Location.section(SectionKey.OTHER_MATTERS),
            null,
            null,
            "第六部分未说明信息处理费",
            "section 6 says nothing on fees");
    static final Finding INFO = new Finding(
            "PREV-YEAR-UNAVAILABLE",
            Severity.INFO,
            Location.report(),
            null,
            null,
            "系统中没有上年报告",
            "no previous year's report");
    static final Finding BALANCE_ERROR = new Finding(
            "T3-BALANCE",
            Severity.ERROR,
            Location.cell(SectionKey.APPLICATIONS, 3, "newReceived", "total"),
            BigDecimal.TEN,
            BigDecimal.ONE,
            "一+二 ≠ 总计+四",
            "balance does not hold");

    static EventEnvelope<ReportValidated> validated(
            String township, int year, int version, boolean passed, List<Finding> findings) {
        return validated(township, year, version, passed, findings, report(year, township + "镇人民政府"));
    }

    static EventEnvelope<ReportValidated> validated(
            String township, int year, int version, boolean passed, List<Finding> findings, AnnualReport report) {
        String name = township + "镇人民政府";
        OffsetDateTime now = OffsetDateTime.now();
        return EventEnvelope.of(
                "/test/validation",
                new ReportValidated(
                        township + "-" + year,
                        version,
                        township,
                        name,
                        county(township),
                        year,
                        now.minusMinutes(1),
                        passed,
                        findings,
                        now,
                        report));
    }

    static void send(EventEnvelope<?> e) {
        KafkaProbe.send(e.topic(), e.key(), e.headers(), EventCodec.payloadJson(e.data()));
    }

    /** Sends a passed version through Kafka and waits until its case is there; returns the case id. */
    static String open(String township, int year, int version, Finding... findings) {
        EventEnvelope<ReportValidated> e = validated(township, year, version, true, List.of(findings));
        send(e);
        return awaitCase(CaseIds.of(e.data().reportId(), version));
    }

    /** As {@link #open(String, int, int, Finding...)}, a passed version 1 carrying {@code report}. */
    static String openWith(String township, int year, AnnualReport report, Finding... findings) {
        EventEnvelope<ReportValidated> e = validated(township, year, 1, true, List.of(findings), report);
        send(e);
        return awaitCase(CaseIds.of(e.data().reportId(), 1));
    }

    static String awaitCase(String caseId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().header("Authorization", provinceAdmin())
                                .when()
                                .get(CASES + "/" + caseId)
                                .statusCode()
                        == 200);
        return caseId;
    }

    static String etag(String caseId) {
        return given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static String state(String caseId) {
        return given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    /** POST an action with the case's current ETag as If-Match. */
    static ValidatableResponse act(String auth, String caseId, String action, Object body) {
        return act(auth, caseId, action, etag(caseId), body);
    }

    static ValidatableResponse act(String auth, String caseId, String action, String ifMatch, Object body) {
        var req = given();
        if (auth != null) {
            req = req.header("Authorization", auth);
        }
        if (ifMatch != null) {
            req = req.header("If-Match", ifMatch);
        }
        if (body != null) {
            req = req.contentType(ContentType.JSON).body(json(body));
        }
        return req.when().post(CASES + "/" + caseId + "/" + action).then();
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : ContractsJson.mapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> returnBody(String comment) {
        return Map.of("comment", comment);
    }

    /** Claims the case for {@code auth}'s reviewer. */
    static void claim(String auth, String caseId) {
        act(auth, caseId, "claim", null).statusCode(200);
    }

    /** The review decided events of a report on Kafka, once {@code expected} are there. */
    static List<ReviewDecided> decided(String reportId, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        KafkaProbe.readAll(Topics.REVIEW_DECIDED, r -> reportId.equals(r.key()), Duration.ofMillis(300))
                                        .size()
                                >= expected);
        return KafkaProbe.readAll(Topics.REVIEW_DECIDED, r -> reportId.equals(r.key()), Duration.ofSeconds(1)).stream()
                .map(Fixtures::parseDecided)
                .toList();
    }

    static ReviewDecided parseDecided(ConsumerRecord<String, String> r) {
        try {
            return ContractsJson.mapper().readValue(r.value(), ReviewDecided.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

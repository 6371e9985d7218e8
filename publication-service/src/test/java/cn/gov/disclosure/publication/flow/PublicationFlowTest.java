package cn.gov.disclosure.publication.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.ReportPublished;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.infra.RealInfrastructureResource;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import cn.gov.disclosure.infra.oidc.TestTokens;
import cn.gov.disclosure.portal.sim.PortalSimulatorClient;
import cn.gov.disclosure.portal.sim.PortalSimulatorResource;
import cn.gov.disclosure.publication.archive.ArchiveService;
import cn.gov.disclosure.publication.archive.BagVerifier;
import cn.gov.disclosure.publication.portal.PortalGateway;
import cn.gov.disclosure.publication.portal.PortalPublishRequest;
import cn.gov.disclosure.publication.render.ReportRenderer;
import cn.gov.disclosure.publication.store.Publication;
import cn.gov.disclosure.publication.store.Publications;
import cn.gov.disclosure.support.observability.EventMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * review decided in through the real Kafka; the portal simulator over real HTTP (failing, down, slow); the archive
 * in a fresh folder; report published out through the outbox and the real Kafka. One Quarkus boot for every class.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructureResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "publication"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PortalSimulatorResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ArchiveRootResource.class, restrictToAnnotatedClass = false)
class PublicationFlowTest {

    static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    Publications store;

    @Inject
    ArchiveService archive;

    @Inject
    RenderService renderer;

    @Inject
    PortalGateway portal;

    @Inject
    AgroalDataSource dataSource;

    final PortalSimulatorClient sim = PortalSimulatorClient.running();

    @BeforeEach
    void portalUp() {
        sim.reset();
    }

    static String operator() {
        return "Bearer " + TestTokens.token("ops", "operator", null);
    }

    PublicationRecord awaitStatus(String reportId, int version, PublicationStatus status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> store.find(reportId, version)
                        .map(r -> r.status() == status)
                        .orElse(false));
        return store.find(reportId, version).orElseThrow();
    }

    static List<ReportPublished> published(String reportId, int expected) {
        await().atMost(WAIT)
                .until(() -> KafkaProbe.readAll(
                                        Topics.REPORT_PUBLISHED, r -> reportId.equals(r.key()), Duration.ofMillis(300))
                                .size()
                        >= expected);
        return KafkaProbe.readAll(Topics.REPORT_PUBLISHED, r -> reportId.equals(r.key()), Duration.ofSeconds(1))
                .stream()
                .map(PublicationFlowTest::parse)
                .toList();
    }

    static ReportPublished parse(ConsumerRecord<String, String> r) {
        try {
            assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("cn.gov.disclosure.report.published.v1");
            return ContractsJson.mapper().readValue(r.value(), ReportPublished.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> packagesOf(String reportId) throws Exception {
        try (Stream<Path> s = Files.list(archive.root())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(reportId + "-v"))
                    .sorted()
                    .toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ the happy path

    @Test
    void anApprovedReportIsPublishedArchivedAndAnnounced() throws Exception {
        ReviewDecided d = Decisions.approved("350582107", "350582", 0, 1);
        Decisions.send(d);
        PublicationRecord r = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);

        assertThat(r.publicUrl()).isEqualTo(sim.baseUrl() + "/reports/350582107/2020");
        assertThat(r.versionUrl()).isEqualTo(sim.baseUrl() + "/reports/350582107/2020/v1");
        assertThat(r.archiveId()).isEqualTo("350582107-2020-v1");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.failureReason()).isNull();

        // the portal: one version, the page in the official layout, the idempotency key of the version
        JsonNode history = sim.history("350582107", 2020);
        assertThat(history.path("versions")).hasSize(1);
        assertThat(history.path("versions").get(0).path("idempotencyKey").asText())
                .isEqualTo("350582107/2020/1");
        String page = sim.page("350582107", 2020);
        assertThat(page).contains("<h1>晋江市紫帽镇人民政府2020年政府信息公开工作年度报告</h1>", "三、收到和处理政府信息公开申请情况");
        assertThat(onlyKeyOf("350582107/2020")).isEqualTo("350582107/2020/1");

        // the archive: a BagIt package with the same bytes the portal received
        Path bag = archive.root().resolve(r.archiveId());
        for (String f : List.of(
                "bagit.txt",
                "bag-info.txt",
                "manifest-sha256.txt",
                "tagmanifest-sha256.txt",
                "data/report.json",
                "data/report.html",
                "data/report.pdf",
                "data/findings.json",
                "data/review-audit.json")) {
            assertThat(bag.resolve(f)).as(f).isRegularFile();
        }
        assertThat(new BagVerifier(archive.root()).verify(bag).problems()).isEmpty();
        Map<String, String> info = BagVerifier.bagInfo(bag);
        assertThat(info)
                .containsEntry("Organisation-Code", "350582107")
                .containsEntry("Reporting-Year", "2020")
                .containsEntry("Report-Version", "1")
                .containsEntry("Organisation-Name", "晋江市紫帽镇人民政府")
                .containsEntry("External-Identifier", r.publicUrl())
                .containsEntry("Payload-PDF-Conformance", "PDF/A-1b")
                .containsKeys("Approval-Time", "Bagging-Date");
        assertThat(info.get("Approval-Time")).isEqualTo("2021-01-25T09:30:00+08:00");
        assertThat(info.get("Payload-Oxum")).matches("\\d+\\.5");
        assertThat(Files.readString(bag.resolve("data/report.html"))).isEqualTo(page);
        byte[] portalPdf = sim.getBytes("/reports/350582107/2020/report.pdf");
        assertThat(Files.readAllBytes(bag.resolve("data/report.pdf"))).isEqualTo(portalPdf);
        String audit = Files.readString(bag.resolve("data/review-audit.json"));
        assertThat(audit).contains("\"auditTrail\"", "\"acknowledgements\"", "RULES-AT-TOWNSHIP", "同意公开", "已核实");
        assertThat(Files.readString(bag.resolve("data/findings.json"))).contains("RULES-AT-TOWNSHIP");
        assertThat(ContractsJson.mapper()
                        .readValue(bag.resolve("data/report.json").toFile(), AnnualReport.class))
                .isEqualTo(GoldenSeeds.load(0));

        // report published, through the outbox and the real Kafka
        List<ReportPublished> events = published(d.reportId(), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).publicUrl()).isEqualTo(r.publicUrl());
        assertThat(events.get(0).archiveId()).isEqualTo(r.archiveId());
        assertThat(events.get(0).version()).isEqualTo(1);
        assertThat(events.get(0).organisationCode()).isEqualTo("350582107");
    }

    @Test
    void aReturnedDecisionIsNotPublished() {
        ReviewDecided returned =
                Decisions.decided("360982101", "360982", GoldenSeeds.load(2), 1, ReviewDecided.Decision.RETURNED);
        Decisions.send(returned);
        ReviewDecided approved = Decisions.approved("360982101", "360982", 2, 2);
        Decisions.send(approved); // same key, same partition: consumed after the returned one
        awaitStatus(approved.reportId(), 2, PublicationStatus.PUBLISHED);
        assertThat(store.find(returned.reportId(), 1)).isEmpty();
        assertThat(sim.history("360982101", 2021).path("versions")).hasSize(1);
    }

    @Test
    void anApprovalWithoutTheReportGoesToTheDeadLetterTopic() {
        ReviewDecided full = Decisions.approved("110114103", "110114", 1, 1);
        ReviewDecided empty = new ReviewDecided(
                full.reportId(),
                1,
                full.organisationCode(),
                full.organisationName(),
                full.countyCode(),
                full.year(),
                ReviewDecided.Decision.APPROVED,
                null,
                full.decidedBy(),
                full.decidedAt(),
                null,
                List.of(),
                List.of(),
                List.of());
        Decisions.send(empty);
        String dlq = Topics.deadLetter(Topics.REVIEW_DECIDED);
        await().atMost(WAIT)
                .until(() -> !KafkaProbe.readAll(dlq, r -> full.reportId().equals(r.key()), Duration.ofMillis(300))
                        .isEmpty());
        ConsumerRecord<String, String> dead = KafkaProbe.readAll(
                        dlq, r -> full.reportId().equals(r.key()), Duration.ofMillis(300))
                .get(0);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("without the report");
        assertThat(store.find(full.reportId(), 1)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ once only

    @Test
    void theSameDecisionDeliveredTwiceGivesOnePublicationAndOnePackage() throws Exception {
        ReviewDecided d = Decisions.approved("230724100", "230724", 3, 1);
        EventEnvelope<ReviewDecided> e = Decisions.envelope(d);
        Decisions.send(e);
        Decisions.send(e); // redelivered: same ce_id
        EventEnvelope<ReviewDecided> again = Decisions.envelope(d); // sent again by the review service: a new ce_id
        Decisions.send(again);
        await().atMost(WAIT).until(() -> processed(e.id()) && processed(again.id()));
        PublicationRecord r = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);
        assertThat(store.list(null, null, null, d.reportId(), 10)).hasSize(1);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(onlyKeyOf("230724100/2020")).isEqualTo("230724100/2020/1");
        assertThat(sim.history("230724100", 2020).path("versions")).hasSize(1);
        assertThat(packagesOf(d.reportId())).containsExactly(r.archiveId());
        assertThat(published(d.reportId(), 1)).hasSize(1);
    }

    @Test
    void thePortalFailingThreeTimesThenSucceedingGivesOnePublication() {
        double unavailableBefore = portalCalls("unavailable");
        double publishedBefore = portalCalls("published");
        sim.failNext(3);
        ReviewDecided d = Decisions.approved("410308101", "410308", 4, 1);
        Decisions.send(d);
        PublicationRecord r = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);
        JsonNode calls = sim.received().path("calls");
        assertThat(calls.findValuesAsText("status")).startsWith("503", "503", "503");
        assertThat(sim.publishCalls("410308101/2021/1")).isGreaterThanOrEqualTo(4);
        assertThat(sim.history("410308101", 2021).path("versions")).hasSize(1);
        assertThat(r.attempts()).isEqualTo(1); // one attempt: the retries are the fault tolerance's, inside it
        assertThat(published(d.reportId(), 1)).hasSize(1);
        // the operators' dashboard counts the portal's answers
        assertThat(portalCalls("unavailable")).isGreaterThanOrEqualTo(unavailableBefore + 3);
        assertThat(portalCalls("published")).isGreaterThanOrEqualTo(publishedBefore + 1);
    }

    private static double portalCalls(String outcome) {
        return EventMetrics.registry()
                .get(EventMetrics.PORTAL_CALLS)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void thePortalDownForGoodFailsThePublicationAndTheOperatorsRetryPublishesIt() {
        sim.down();
        ReviewDecided d = Decisions.approved("350582108", "350582", 0, 1);
        Decisions.send(d);
        PublicationRecord failed = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLICATION_FAILED);
        assertThat(failed.failureReason()).contains("retries exhausted");
        assertThat(failed.publicUrl()).isNull();
        assertThat(sim.get("/reports/350582108/2020").status()).isEqualTo(404);
        assertThat(sim.received().path("publishCalls").asInt()).isGreaterThanOrEqualTo(2);

        // only an operator may retry; nothing happens while the portal is still down but the same failure
        given().header("Authorization", "Bearer " + TestTokens.token("admin", "province-admin", null))
                .when()
                .post("/api/v1/publications/{id}/1/retry", d.reportId())
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));

        sim.up();
        given().header("Authorization", operator())
                .when()
                .post("/api/v1/publications/{id}/1/retry", d.reportId())
                .then()
                .statusCode(202)
                .body("status", equalTo("PUBLISHING"));
        PublicationRecord r = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);
        assertThat(r.failureReason()).isNull();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sim.history("350582108", 2020).path("versions")).hasSize(1);
        assertThat(published(d.reportId(), 1)).hasSize(1);

        // a published version is not retried
        given().header("Authorization", operator())
                .when()
                .post("/api/v1/publications/{id}/1/retry", d.reportId())
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", operator())
                .when()
                .post("/api/v1/publications/{id}/9/retry", d.reportId())
                .then()
                .statusCode(404);
    }

    @Test
    void aSlowPortalTimesOutAndTheRetryDoesNotPublishTwice() {
        sim.delay(2500, 1); // the first call outlives the timeout (1.5 s in %test), but the portal takes it
        ReviewDecided d = Decisions.approved("360982102", "360982", 2, 1);
        Decisions.send(d);
        awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);
        // the slow call is counted when it ends: it was answered too, as a replay of the retry's answer
        await().atMost(WAIT)
                .until(() -> sim.received().path("calls").findValuesAsText("status").stream()
                                .filter(s -> s.startsWith("20"))
                                .count()
                        >= 2);
        assertThat(sim.publishCalls("360982102/2021/1")).isGreaterThanOrEqualTo(2);
        assertThat(sim.history("360982102", 2021).path("versions")).hasSize(1);
    }

    @Test
    void aVersionLeftPublishingByACrashMidCallIsPickedUpAndNotPublishedTwice() {
        ReviewDecided d = Decisions.approved("230724101", "230724", 3, 1);
        // the instance that crashed had recorded PUBLISHING and called the portal, which took the report ...
        ReportRenderer.Rendered rendered = renderer.render(d);
        portal.publish(new PortalPublishRequest(
                d.version(),
                d.organisationCode(),
                rendered.view().organisationName(),
                d.year(),
                rendered.view().title(),
                d.decidedAt(),
                rendered.html(),
                Base64.getEncoder().encodeToString(rendered.pdf()),
                d.report()));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                store.insertPublishing(d, EventCodec.payloadJson(d), "crashed-" + d.reportId(), null)))
                .isTrue();
        // ... and no worker holds it now: the recovery job picks it up
        PublicationRecord r = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);
        assertThat(sim.publishCalls("230724101/2020/1")).isGreaterThanOrEqualTo(2);
        assertThat(onlyKeyOf("230724101/2020")).isEqualTo("230724101/2020/1");
        assertThat(sim.history("230724101", 2020).path("versions")).hasSize(1);
        assertThat(archive.exists(r.archiveId())).isTrue();
    }

    @Test
    void theLeaseOfAnAttemptIsRenewedByItsHolderOnly() {
        // a PUBLISHING version claimed by this test (the recovery job may take one first; then another version)
        Publications.Claim claim = null;
        for (int seed = 0; claim == null && seed < 5; seed++) {
            ReviewDecided d = Decisions.approved("230724102", "230724", seed, 1);
            QuarkusTransaction.requiringNew()
                    .run(() -> store.insertPublishing(d, EventCodec.payloadJson(d), "lease-" + d.reportId(), null));
            claim = store.claim(d.reportId(), 1, Duration.ofSeconds(2)).orElse(null);
        }
        assertThat(claim).as("a version claimed").isNotNull();
        Publication.Key key = new Publication.Key(claim.record().reportId(), 1);
        assertThat(leaseUntil(key)).isBefore(OffsetDateTime.now().plusSeconds(5));
        // the worker is still on it: renewed, the lease runs ten minutes from now and the recovery job leaves it
        assertThat(store.renew(claim, Duration.ofMinutes(10))).isTrue();
        assertThat(leaseUntil(key)).isAfter(OffsetDateTime.now().plusMinutes(9));
        assertThat(store.due(10_000)).doesNotContain(key);
        // a claim that does not hold (another worker's token) renews nothing
        Publications.Claim stale = new Publications.Claim(UUID.randomUUID(), claim.record(), claim.decision());
        assertThat(store.renew(stale, Duration.ofMinutes(10))).isFalse();
        // the attempt ends: the lease is released and renewing it does nothing
        assertThat(store.markFailed(claim, "test")).isTrue();
        assertThat(store.renew(claim, Duration.ofMinutes(10))).isFalse();
    }

    private OffsetDateTime leaseUntil(Publication.Key key) {
        return QuarkusTransaction.requiringNew().call(() -> store.findById(key).leaseUntil);
    }

    // ------------------------------------------------------------------------------------------------ corrections

    @Test
    void aCorrectionReplacesThePageAndIsArchivedBesideTheOldVersion() throws Exception {
        ReviewDecided v1 = Decisions.approved("410308102", "410308", 4, 1);
        Decisions.send(v1);
        PublicationRecord r1 = awaitStatus(v1.reportId(), 1, PublicationStatus.PUBLISHED);
        ReviewDecided v2 = Decisions.decided(
                "410308102",
                "410308",
                Decisions.withOverview(GoldenSeeds.load(4), "更正后的总体情况：本年度共收到申请12件。"),
                2,
                ReviewDecided.Decision.APPROVED);
        Decisions.send(v2);
        PublicationRecord r2 = awaitStatus(v2.reportId(), 2, PublicationStatus.PUBLISHED);

        assertThat(r2.publicUrl()).isEqualTo(r1.publicUrl());
        assertThat(r2.versionUrl()).endsWith("/v2");
        JsonNode history = sim.history("410308102", 2021);
        assertThat(history.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(history.path("versions").findValuesAsText("version")).containsExactly("1", "2");
        assertThat(sim.page("410308102", 2021)).contains("更正后的总体情况");
        assertThat(sim.get("/reports/410308102/2021/v1").body()).doesNotContain("更正后的总体情况");
        assertThat(packagesOf(v1.reportId())).containsExactly(r1.archiveId(), r2.archiveId());
        assertThat(Files.readString(archive.root().resolve(r1.archiveId()).resolve("data/report.html")))
                .doesNotContain("更正后的总体情况");
        assertThat(published(v1.reportId(), 2))
                .extracting(ReportPublished::version)
                .containsExactly(1, 2);
    }

    // ------------------------------------------------------------------------------------------------ the archive

    @Test
    void verifyFindsAPackageWhoseFileWasAltered() throws Exception {
        ReviewDecided d = Decisions.approved("110114102", "110114", 3, 1);
        Decisions.send(d);
        PublicationRecord r = awaitStatus(d.reportId(), 1, PublicationStatus.PUBLISHED);

        given().header("Authorization", operator())
                .when()
                .get("/api/v1/archive/verify")
                .then()
                .statusCode(200)
                .body("invalid.id", Matchers.not(hasItem(r.archiveId())));

        Path html = archive.root().resolve(r.archiveId()).resolve("data/report.html");
        byte[] original = Files.readAllBytes(html);
        html.toFile().setWritable(true);
        try {
            Files.writeString(html, new String(original, StandardCharsets.UTF_8).replace("2020年", "2019年"));
            given().header("Authorization", operator())
                    .when()
                    .get("/api/v1/archive/verify")
                    .then()
                    .statusCode(200)
                    .body("invalid.id", hasItem(r.archiveId()))
                    .body(
                            "invalid.find { it.id == '" + r.archiveId() + "' }.problems[0]",
                            startsWith("data/report.html"));
            given().header("Authorization", "Bearer " + TestTokens.token("admin", "province-admin", null))
                    .when()
                    .get("/api/v1/archive/verify")
                    .then()
                    .statusCode(403);
            given().when().get("/api/v1/archive/verify").then().statusCode(401);
        } finally {
            Files.write(html, original);
            html.toFile().setWritable(false, false);
        }
        assertThat(new BagVerifier(archive.root())
                        .verify(archive.root().resolve(r.archiveId()))
                        .valid())
                .isTrue();
    }

    /** The one idempotency key every publish call for {@code organisation/year} carried. */
    private String onlyKeyOf(String organisationAndYear) {
        List<String> keys = sim.received().path("calls").findValues("idempotencyKey").stream()
                .map(JsonNode::asText)
                .filter(k -> k.startsWith(organisationAndYear + "/"))
                .distinct()
                .toList();
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private boolean processed(String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

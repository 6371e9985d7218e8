package cn.gov.disclosure.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.portal.sim.PortalCore;
import cn.gov.disclosure.system.Seeds.Seed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform end to end, every part a real process: Kafka, PostgreSQL, the OIDC provider, the portal
 * simulator and the four services started from their built jars. The five seed reports are imported from their text
 * as their townships; validation fails one (seed 001 lacks section 六), which the township corrects and submits
 * again; the county returns one with a comment (seed 000: its narrative says 91 items, its table 95), which the
 * township corrects; the county approves the rest, acknowledging each warning. Every report must end published on
 * the portal simulator and archived, and every service must say so.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final Duration FLOW = Duration.ofSeconds(120);

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static List<Seed> seeds;
    /** seed prefix → report id */
    private static final Map<String, String> reportIds = new LinkedHashMap<>();
    /** seed prefix → the version that ends approved */
    private static final Map<String, Integer> finalVersions = new LinkedHashMap<>();

    @BeforeAll
    static void startThePlatform() {
        platform = SharedPlatform.get();
        client = new PlatformClient(platform);
        seeds = Seeds.load(SharedPlatform.repo());
    }

    @Test
    @Order(1)
    void theSeedsAreImportedValidatedReviewedPublishedAndArchived() {
        // 1. every township imports its report from the text it has
        for (Seed s : seeds) {
            Http.Answer a = client.importText(s.organisationCode(), s.text(), "e2e-" + s.prefix());
            assertThat(a.status()).as("import of seed %s: %s", s.prefix(), a).isEqualTo(202);
            assertThat(a.json().path("version").asInt()).isEqualTo(1);
            reportIds.put(s.prefix(), a.json().path("reportId").asText());
        }
        // the same request again (a retry with the same key) submits nothing new
        Seed first = seeds.get(0);
        Http.Answer again = client.importText(first.organisationCode(), first.text(), "e2e-" + first.prefix());
        assertThat(again.json().path("version").asInt())
                .as("idempotent retry: %s", again)
                .isEqualTo(1);

        // 2. validation: 001 fails (section 六 missing), the others wait for the county
        for (Seed s : seeds) {
            String expected = s.prefix().equals("001") ? "VALIDATION_FAILED" : "AWAITING_REVIEW";
            JsonNode status = awaitIntakeState(s, 1, expected);
            if (s.prefix().equals("001")) {
                assertThat(codes(status.path("versions").get(0).path("findings")))
                        .contains("SECTION-MISSING");
            }
        }
        Seed nankou = seed("001");
        JsonNode failedCase =
                await("review case of 001 v1", () -> client.reviewCase(nankou.countyCode(), caseId("001", 1)));
        assertThat(failedCase.path("state").asText()).isEqualTo("VALIDATION_FAILED");

        // 3. the township of 001 adds the missing section and submits again: version 2 passes
        Http.Answer corrected = client.importText(
                nankou.organisationCode(),
                nankou.text().stripTrailing() + "\n六、其他需要报告的事项\n本机关无其他需要报告的事项。\n",
                "e2e-001-v2");
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(202);
        assertThat(corrected.json().path("version").asInt()).isEqualTo(2);
        awaitIntakeState(nankou, 2, "AWAITING_REVIEW");
        awaitCaseState(nankou, caseId("001", 1), "SUPERSEDED");

        // 4. the county of 000 returns it: the narrative's total (91) is not the table's (95)
        Seed zimao = seed("000");
        JsonNode claimed = client.claim(
                zimao.countyCode(),
                awaitCase(zimao, caseId("000", 1)).path("id").asText());
        assertThat(codes(claimed.path("findings"))).contains("NARRATIVE-BREAKDOWN");
        JsonNode returned =
                client.returnToTownship(zimao.countyCode(), claimed, "正文所述主动公开信息条数（91条）与表格分项合计（95条）不一致，请核对后重新提交。");
        assertThat(returned.path("state").asText()).isEqualTo("RETURNED");
        JsonNode zimaoStatus = awaitIntakeState(zimao, 1, "RETURNED");
        assertThat(zimaoStatus.path("versions").get(0).path("reviewComment").asText())
                .contains("91条");
        Http.Answer fixed = client.importText(
                zimao.organisationCode(), zimao.text().replace("累计主动公开信息91条", "累计主动公开信息95条"), "e2e-000-v2");
        assertThat(fixed.status()).as("%s", fixed).isEqualTo(202);
        awaitIntakeState(zimao, 2, "AWAITING_REVIEW");
        JsonNode zimaoV2 = awaitCase(zimao, caseId("000", 2));
        assertThat(codes(zimaoV2.path("findings"))).doesNotContain("NARRATIVE-BREAKDOWN");
        assertThat(zimaoV2.path("previousVersion").path("version").asInt()).isEqualTo(1);
        awaitCaseState(zimao, caseId("000", 1), "SUPERSEDED");

        // 5. the counties approve the current version of every report, each warning acknowledged
        finalVersions.putAll(Map.of("000", 2, "001", 2, "002", 1, "003", 1, "004", 1));
        for (Seed s : seeds) {
            String id = caseId(s.prefix(), finalVersions.get(s.prefix()));
            awaitCaseState(s, id, "AWAITING_REVIEW");
            JsonNode approved = client.claimAndApprove(s.countyCode(), id, "同意公开");
            assertThat(approved.path("state").asText()).as("case %s", id).isEqualTo("APPROVED");
        }

        // 6. published on the portal and archived: intake tells each township
        for (Seed s : seeds) {
            JsonNode status = awaitIntakeState(s, finalVersions.get(s.prefix()), "PUBLISHED");
            assertThat(status.path("state").asText()).isEqualTo("PUBLISHED");
            assertThat(version(status, finalVersions.get(s.prefix()))
                            .path("publicUrl")
                            .asText())
                    .startsWith(platform.portal().baseUrl() + "/reports/" + s.organisationCode() + "/");
        }
    }

    @Test
    @Order(2)
    void everyServiceAgreesOnTheFinalState() throws SQLException {
        assertThat(finalVersions).as("the flow ran").hasSize(5);
        PortalCore portal = platform.portal().core();
        for (Seed s : seeds) {
            String reportId = reportIds.get(s.prefix());
            int version = finalVersions.get(s.prefix());
            int year = Integer.parseInt(reportId.substring(reportId.lastIndexOf('-') + 1));

            // intake: the versions, in order, and their final states
            JsonNode status = client.report(s.organisationCode(), reportId);
            List<String> states = new ArrayList<>();
            status.path("versions").forEach(v -> states.add(v.path("state").asText()));
            List<String> expected = switch (s.prefix()) {
                case "000" -> List.of("RETURNED", "PUBLISHED");
                case "001" -> List.of("VALIDATION_FAILED", "PUBLISHED");
                default -> List.of("PUBLISHED");
            };
            assertThat(states).as("intake versions of %s", reportId).isEqualTo(expected);

            // review: the case approved, with the publication on it
            JsonNode c = client.reviewCase(s.countyCode(), caseId(s.prefix(), version))
                    .orElseThrow();
            assertThat(c.path("state").asText()).isEqualTo("APPROVED");
            JsonNode published = await(
                    "publication on case " + c.path("id").asText(),
                    () -> client.reviewCase(s.countyCode(), caseId(s.prefix(), version))
                            .filter(x -> !x.path("publication").isNull()
                                    && !x.path("publication").isMissingNode()));
            assertThat(published.path("publication").path("archiveId").asText()).isEqualTo(reportId + "-v" + version);

            // publication: PUBLISHED once, with its public URL and archive package
            JsonNode p = client.publication(reportId, version).orElseThrow();
            assertThat(p.path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(p.path("archiveId").asText()).isEqualTo(reportId + "-v" + version);
            assertThat(client.publication(reportId, version == 2 ? 1 : 2))
                    .as("only the approved version")
                    .isEmpty();

            // the portal: one version received, its public page shows the report's title
            List<PortalCore.StoredVersion> onPortal = portal.versions(s.organisationCode(), year);
            assertThat(onPortal).as("portal versions of %s", reportId).hasSize(1);
            assertThat(onPortal.get(0).version()).isEqualTo(version);
            Http.Answer page = client.http().get(p.path("publicUrl").asText(), null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains(year + "年政府信息公开工作年度报告");
        }
        // the portal was asked to publish exactly five times (no retry was needed: none replayed)
        long puts = portal.received().stream()
                .filter(r -> r.method().equals("PUT") && r.status() / 100 == 2)
                .count();
        assertThat(puts).isEqualTo(5);

        // the archive: five packages, every checksum right
        JsonNode verify = client.verifyArchive();
        assertThat(verify.path("packages").asInt()).isEqualTo(5);
        assertThat(verify.path("valid").asInt()).isEqualTo(5);
        try (Stream<Path> bags = Files.list(platform.archiveRoot())) {
            assertThat(bags.filter(b -> !b.getFileName().toString().startsWith("."))
                            .map(b -> b.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(seeds.stream()
                            .map(s -> reportIds.get(s.prefix()) + "-v" + finalVersions.get(s.prefix()))
                            .toList());
        } catch (IOException e) {
            fail("archive root: " + e);
        }

        // validation: each of the seven versions validated exactly once; the approved reports kept for next year
        assertThat(query("validation", "SELECT count(*) FROM validation_result"))
                .isEqualTo(7);
        assertThat(query("validation", "SELECT count(*) FROM validation_result WHERE NOT passed"))
                .isEqualTo(1);
        assertThat(awaitCount("validation", "SELECT count(*) FROM approved_report", 5))
                .isEqualTo(5);
    }

    @Test
    @Order(3)
    void operatorsCanFollowItOnTheTopicsMetricsAndLogs() throws IOException {
        assertThat(finalVersions).as("the flow ran").hasSize(5);
        try (KafkaWatch kafka = new KafkaWatch(platform.kafka().bootstrapServers())) {
            assertThat(kafka.deadLetters().values())
                    .as("dead letters %s", kafka.deadLetters())
                    .allMatch(n -> n == 0);
            assertThat(kafka.records(Topics.REPORT_SUBMITTED)).isEqualTo(7);
            assertThat(kafka.records(Topics.REVIEW_DECIDED)).isEqualTo(6); // one return, five approvals
            assertThat(kafka.records(Topics.REPORT_PUBLISHED)).isEqualTo(5);
            Map<String, Long> lags = awaitValue(
                    "every consumer group caught up",
                    kafka::lags,
                    m -> m.values().stream().allMatch(l -> l == 0));
            assertThat(lags.values()).allMatch(l -> l == 0);
        }

        // metrics: events per topic, the outbox backlog, consumer lag
        String intake = client.metrics("intake");
        assertThat(metric(intake, "annual_report_events_published_total", "topic=\"annual-report.submitted\""))
                .isEqualTo(7.0);
        assertThat(metric(intake, "annual_report_events_consumed_total", "topic=\"annual-report.published\""))
                .isEqualTo(5.0);
        assertThat(metric(intake, "annual_report_outbox_backlog", "")).isEqualTo(0.0);
        assertThat(intake).contains("kafka_consumer_fetch_manager_records_lag_max");
        String publication = client.metrics("publication");
        assertThat(metric(publication, "annual_report_events_published_total", "topic=\"annual-report.published\""))
                .isEqualTo(5.0);
        assertThat(metric(publication, "annual_report_events_consumed_total", "topic=\"annual-report.review-decided\""))
                .isEqualTo(6.0);
        assertThat(metric(
                        client.metrics("validation"),
                        "annual_report_validation_findings_total",
                        "code=\"SECTION-MISSING\""))
                .isGreaterThanOrEqualTo(1.0);

        // one trace per report: the trace id intake logged for the submission is in publication's log for it
        String intakeLog = Files.readString(platform.service("intake").logFile(), StandardCharsets.UTF_8);
        String publicationLog = Files.readString(platform.service("publication").logFile(), StandardCharsets.UTF_8);
        for (Seed s : seeds) {
            String reportId = reportIds.get(s.prefix());
            String traceId = submissionTrace(intakeLog, reportId, finalVersions.get(s.prefix()));
            assertThat(publicationLog)
                    .as("publication's log carries the trace %s of %s", traceId, reportId)
                    .containsPattern(
                            "traceId=" + traceId + " reportId=" + Pattern.quote(reportId) + " .* published at ");
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The trace id of the n-th submission of a report in intake's log (the line that enqueued its
     * {@code report submitted} event).
     */
    private static String submissionTrace(String log, String reportId, int nth) {
        Matcher m = Pattern.compile("traceId=([0-9a-f]{32}) reportId=" + Pattern.quote(reportId)
                        + " .*Event \\S*report\\.submitted\\S* \\S+ enqueued for ")
                .matcher(log);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).as("intake's submission lines of %s", reportId).hasSizeGreaterThanOrEqualTo(nth);
        return ids.get(nth - 1);
    }

    /** The value of the Prometheus sample {@code name} whose labels contain {@code label}; fails when absent. */
    private static double metric(String prometheus, String name, String label) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.startsWith(name + "{") ? line.substring(name.length() + 1, line.indexOf('}')) : "";
                if (labels.contains(label)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return fail("no sample " + name + " with " + label);
    }

    private static Seed seed(String prefix) {
        return seeds.stream().filter(s -> s.prefix().equals(prefix)).findFirst().orElseThrow();
    }

    private static String caseId(String prefix, int version) {
        return PlatformClient.caseId(reportIds.get(prefix), version);
    }

    private static List<String> codes(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.path("code").asText()));
        return out;
    }

    private static JsonNode version(JsonNode status, int version) {
        for (JsonNode v : status.path("versions")) {
            if (v.path("version").asInt() == version) {
                return v;
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode awaitIntakeState(Seed s, int version, String state) {
        String reportId = reportIds.get(s.prefix());
        return awaitValue(
                reportId + " v" + version + " " + state + " in intake",
                () -> client.report(s.organisationCode(), reportId),
                st -> version(st, version).path("state").asText().equals(state));
    }

    private static JsonNode awaitCase(Seed s, String caseId) {
        return await("review case " + caseId, () -> client.reviewCase(s.countyCode(), caseId));
    }

    private static void awaitCaseState(Seed s, String caseId, String state) {
        await(
                "review case " + caseId + " " + state,
                () -> client.reviewCase(s.countyCode(), caseId)
                        .filter(c -> c.path("state").asText().equals(state)));
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        return awaitValue(what, probe, Optional::isPresent).orElseThrow();
    }

    private static <T> T awaitValue(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + FLOW.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String seen = String.valueOf(last);
        return fail("not within " + FLOW + ": " + what + "; last seen: "
                + (seen.length() > 600 ? seen.substring(0, 600) + "…" : seen));
    }

    private static long query(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl(database), database, database);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long awaitCount(String database, String sql, long expected) {
        return awaitValue(
                sql,
                () -> {
                    try {
                        return query(database, sql);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                n -> n == expected);
    }
}

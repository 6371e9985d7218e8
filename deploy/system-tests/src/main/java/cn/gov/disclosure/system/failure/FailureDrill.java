package cn.gov.disclosure.system.failure;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.infra.LocalService;
import cn.gov.disclosure.portal.sim.PortalCore;
import cn.gov.disclosure.portal.sim.PortalSimulatorClient;
import cn.gov.disclosure.system.Http;
import cn.gov.disclosure.system.KafkaWatch;
import cn.gov.disclosure.system.LocalPlatform;
import cn.gov.disclosure.system.PlatformClient;
import cn.gov.disclosure.system.load.ReportGenerator;
import cn.gov.disclosure.system.load.SyntheticProvince;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The failure drill (issue 9): while reports flow through the whole platform (townships submitting, county reviewers
 * approving every case that passed), it kills each service with SIGKILL and restarts it, stops and restarts the Kafka
 * broker, takes the portal down for a while and restarts PostgreSQL. Clients behave as real ones do: a township whose
 * POST got no answer sends it again with the same Idempotency-Key; the operator retries the publications that failed
 * while the portal was down (publication's documented path). Afterwards every submitted report must be in exactly
 * one final state, every approved one published exactly once on the portal and archived once with valid checksums,
 * and no event left unprocessed outside the dead-letter topics.
 *
 * <pre>deploy/system-tests.sh failures [--reports 3000] [--clients 8] [--rate 12] [--between 15] [--out FILE]</pre>
 */
public final class FailureDrill {

    /** A fault to inject: its name and what it does to the platform. */
    public record Fault(String name, Consumer<LocalPlatform> inject) {}

    /** What one drill injected and counted. */
    public record Result(List<String> injected, Map<String, Long> counts, List<String> problems, String markdown) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The drill's reports: those of the synthetic province (the platform may hold others, e.g. the seeds). */
    private static final String MINE = "report_id LIKE '" + SyntheticProvince.PROVINCE.substring(0, 2) + "%'";

    private final LocalPlatform platform;
    private final PlatformClient client;
    private final SyntheticProvince province;
    private final int reports;
    private final int clients;
    private double rate; // submissions per second; 0: as fast as the clients go
    private final Map<String, String> accepted = new ConcurrentHashMap<>(); // reportId → township
    private final Set<String> approved = ConcurrentHashMap.newKeySet(); // report ids
    private final AtomicInteger resubmissions = new AtomicInteger();
    private final AtomicInteger operatorRetries = new AtomicInteger();
    private final AtomicBoolean submitting = new AtomicBoolean(true);
    private final List<String> injected = new ArrayList<>();
    /** When each fault was being injected (epoch milliseconds, from and to). */
    private final List<long[]> faultWindows = new ArrayList<>();

    private List<String> replicated = List.of();
    private final Instant start = Instant.now();

    public FailureDrill(LocalPlatform platform, SyntheticProvince province, int reports, int clients) {
        this.platform = platform;
        this.client = new PlatformClient(platform);
        this.province = province;
        this.reports = reports;
        this.clients = clients;
    }

    /**
     * Runs a second replica of each of these services during the drill (the faults kill the first): the drill then
     * also shows that no outbox event reaches its topic twice but for a fault (see {@link #count()}).
     */
    public FailureDrill replicas(List<String> services) {
        this.replicated = List.copyOf(services);
        return this;
    }

    /** Spreads the submissions at {@code perSecond} (0: as fast as possible), so that they flow through every fault. */
    public FailureDrill rate(double perSecond) {
        this.rate = perSecond;
        return this;
    }

    /** Every fault the issue names, in turn: each service killed, the broker, the portal, the database. */
    public static List<Fault> allFaults() {
        List<Fault> faults = new ArrayList<>();
        for (String s : LocalPlatform.SERVICES) {
            faults.add(new Fault("kill -9 " + s + ", restart", p -> {
                LocalService svc = p.service(s);
                svc.kill();
                sleep(3_000);
                svc.start();
            }));
        }
        faults.add(new Fault("Kafka broker stopped 15 s, restarted", p -> {
            p.kafka().stop();
            sleep(15_000);
            p.kafka().start();
        }));
        faults.add(new Fault("portal down 40 s (503), then up", p -> {
            PortalSimulatorClient portal = new PortalSimulatorClient(p.portal().baseUrl());
            portal.down();
            sleep(40_000);
            portal.up();
        }));
        faults.add(new Fault("PostgreSQL stopped 10 s, restarted", p -> {
            p.postgres().stop();
            sleep(10_000);
            p.postgres().start();
        }));
        return faults;
    }

    /** Runs the drill: submissions and approvals flow while each fault is injected in turn, then everything is counted. */
    public Result run(List<Fault> faults, Duration between, Duration settle) throws Exception {
        if (!replicated.isEmpty()) {
            log("starting second replicas of %s", replicated);
            platform.startReplicas(replicated);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> submitters = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            submitters.add(pool.submit(() -> {
                int i;
                long t0 = System.nanoTime();
                while ((i = next.getAndIncrement()) < reports) {
                    if (rate > 0) {
                        long wait = t0 + (long) (i / rate * 1e9) - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait / 1_000_000);
                        }
                    }
                    submit(i);
                }
                return null;
            }));
        }
        Future<?> approver = pool.submit(() -> {
            while (submitting.get() || !allDecided()) {
                approveWaiting();
                sleep(1_000);
            }
            return null;
        });

        sleep(between.toMillis());
        for (Fault f : faults) {
            String at = String.format(
                    "%.0f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
            log("injecting: %s (at %s, %d accepted so far)", f.name(), at, accepted.size());
            long from = System.currentTimeMillis();
            f.inject().accept(platform);
            faultWindows.add(new long[] {from, System.currentTimeMillis()});
            injected.add(f.name() + " (at " + at + ", " + accepted.size() + " reports accepted by then)");
            sleep(between.toMillis());
        }
        for (var s : submitters) {
            s.get();
        }
        submitting.set(false);
        log(
                "all %d submissions accepted (%d sent again after no answer); waiting for the pipeline to settle",
                accepted.size(), resubmissions.get());

        // the operator: publications that failed while the portal was down are retried (until all are published)
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline && !settled()) {
            retryFailedPublications();
            sleep(3_000);
        }
        approver.cancel(true);
        pool.shutdownNow();
        return count();
    }

    // ------------------------------------------------------------------ the users

    private void submit(int i) {
        SyntheticProvince.Township t = province.townships().get(i);
        byte[] body;
        try {
            body = ContractsJson.mapper()
                    .writeValueAsBytes(ReportGenerator.generate(i, t.name(), 2024, ReportGenerator.Fault.NONE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String token = client.townshipToken(t.code());
        HttpRequest req = HttpRequest.newBuilder(URI.create(platform.url("intake") + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "drill-" + i)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            try {
                Http.Answer a = client.http().send(req);
                if (a.status() == 202) {
                    accepted.put(a.json().path("reportId").asText(), t.code());
                    if (attempt > 0) {
                        resubmissions.incrementAndGet();
                    }
                    return;
                }
                if (a.status() / 100 == 4 && a.status() != 408 && a.status() != 429) {
                    throw new IllegalStateException("submission " + i + " refused: " + a);
                }
            } catch (RuntimeException e) {
                if (e instanceof IllegalStateException && e.getMessage().startsWith("submission")) {
                    throw e;
                }
                // no answer (the service is down): the same request again, with the same key
            }
            sleep(Math.min(5_000, 250L << Math.min(attempt, 5)));
        }
        throw new IllegalStateException("submission " + i + " not accepted within 10 minutes");
    }

    private void approveWaiting() {
        Set<String> counties = new TreeSet<>();
        accepted.values().forEach(t -> counties.add(t.substring(0, 6)));
        for (String county : counties) {
            try {
                // the reviewer's own claimed cases first (a claim whose approval failed while review or the database
                // was down), then the queue
                Http.Answer mine = client.http()
                        .get(
                                platform.url("review") + "/api/v1/cases?state=IN_REVIEW&claimedByMe=true&size=100",
                                client.reviewerToken(county));
                if (mine.status() == 200) {
                    for (JsonNode item : mine.json().path("items")) {
                        try {
                            client.reviewCase(county, item.path("id").asText()).ifPresent(c -> {
                                if ("APPROVED"
                                        .equals(client.approve(county, c, "同意公开")
                                                .path("state")
                                                .asText())) {
                                    approved.add(item.path("reportId").asText());
                                }
                            });
                        } catch (RuntimeException e) {
                            // the next round
                        }
                    }
                }
                Http.Answer a = client.http()
                        .get(
                                platform.url("review")
                                        + "/api/v1/cases?state=AWAITING_REVIEW&size=100&sort=createdAt,asc",
                                client.reviewerToken(county));
                if (a.status() != 200) {
                    continue;
                }
                for (JsonNode item : a.json().path("items")) {
                    String id = item.path("id").asText();
                    try {
                        JsonNode done = client.claimAndApprove(county, id, "同意公开");
                        if ("APPROVED".equals(done.path("state").asText())) {
                            approved.add(item.path("reportId").asText());
                        }
                    } catch (RuntimeException e) {
                        // review (or the database) is down, or another attempt won: the next round sees it
                    }
                }
            } catch (RuntimeException e) {
                // review is down: the next round
            }
        }
    }

    private boolean allDecided() {
        try {
            return count(
                                    "review",
                                    "SELECT count(*) FROM review_case WHERE " + MINE
                                            + " AND state IN ('AWAITING_REVIEW', 'IN_REVIEW')")
                            == 0
                    && count("review", "SELECT count(*) FROM review_case WHERE " + MINE) >= accepted.size();
        } catch (SQLException e) {
            return false;
        }
    }

    private void retryFailedPublications() {
        try {
            for (JsonNode p : client.publications("status=PUBLICATION_FAILED&limit=500")) {
                try {
                    client.retryPublication(
                            p.path("reportId").asText(), p.path("version").asInt());
                    operatorRetries.incrementAndGet();
                } catch (RuntimeException e) {
                    // retried on the next round
                }
            }
        } catch (RuntimeException e) {
            // publication is not answering yet
        }
    }

    /** Every accepted report decided (approved ones published), every outbox empty, every consumer caught up. */
    private boolean settled() {
        try {
            long published = count(
                    "publication", "SELECT count(*) FROM publication WHERE " + MINE + " AND status = 'PUBLISHED'");
            long cases = count("review", "SELECT count(*) FROM review_case WHERE " + MINE);
            long open = count(
                    "review",
                    "SELECT count(*) FROM review_case WHERE " + MINE
                            + " AND state IN ('AWAITING_REVIEW', 'IN_REVIEW')");
            long approvedCases =
                    count("review", "SELECT count(*) FROM review_case WHERE " + MINE + " AND state = 'APPROVED'");
            long backlog = 0;
            for (String db : LocalPlatform.SERVICES) {
                backlog += count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
            }
            long lag;
            try (KafkaWatch kafka = new KafkaWatch(platform.kafka().bootstrapServers())) {
                lag = kafka.lags().values().stream().mapToLong(Long::longValue).sum();
            }
            long intakePublished =
                    count("intake", "SELECT count(*) FROM report_version WHERE " + MINE + " AND state = 'PUBLISHED'");
            log(
                    "settling: %d cases (%d open), %d approved, %d published (intake says %d), outbox backlog %d, lag %d",
                    cases, open, approvedCases, published, intakePublished, backlog, lag);
            return cases >= accepted.size()
                    && open == 0
                    && published == approvedCases
                    && intakePublished == published
                    && backlog == 0
                    && lag == 0;
        } catch (Exception e) {
            log("settling: %s", e.getMessage());
            return false;
        }
    }

    // ------------------------------------------------------------------ the count

    private Result count() throws Exception {
        Map<String, Long> c = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long n = accepted.size();
        c.put("reports submitted (202)", n);
        c.put("POSTs sent again after no answer", (long) resubmissions.get());
        c.put("intake: versions stored", count("intake", "SELECT count(*) FROM report_version WHERE " + MINE));
        c.put(
                "validation: versions validated",
                count("validation", "SELECT count(*) FROM validation_result WHERE " + MINE));
        c.put("review: cases", count("review", "SELECT count(*) FROM review_case WHERE " + MINE));
        long approvedCases =
                count("review", "SELECT count(*) FROM review_case WHERE " + MINE + " AND state = 'APPROVED'");
        c.put("review: approved", approvedCases);
        c.put(
                "review: still open",
                count(
                        "review",
                        "SELECT count(*) FROM review_case WHERE " + MINE
                                + " AND state IN ('AWAITING_REVIEW', 'IN_REVIEW')"));
        c.put(
                "publication: PUBLISHED",
                count("publication", "SELECT count(*) FROM publication WHERE " + MINE + " AND status = 'PUBLISHED'"));
        c.put(
                "publication: not PUBLISHED",
                count("publication", "SELECT count(*) FROM publication WHERE " + MINE + " AND status <> 'PUBLISHED'"));
        c.put("operator retries of failed publications", (long) operatorRetries.get());
        Map<String, Long> finals = new TreeMap<>();
        try (Connection con = connect("intake");
                Statement st = con.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT state, count(*) FROM report_version WHERE " + MINE + " GROUP BY state")) {
            while (rs.next()) {
                finals.put(rs.getString(1), rs.getLong(2));
            }
        }
        finals.forEach((state, k) -> c.put("intake: final state " + state, k));

        // the portal: every approved report exactly once, no other
        PortalCore portal = platform.portal().core();
        long onPortal = 0;
        long duplicated = 0;
        for (Map.Entry<String, String> e : accepted.entrySet()) {
            int versions = portal.versions(e.getValue(), 2024).size();
            onPortal += versions > 0 ? 1 : 0;
            duplicated += Math.max(0, versions - 1);
        }
        c.put("portal: reports published", onPortal);
        c.put("portal: duplicated publications", duplicated);
        JsonNode verify = client.verifyArchive();
        long packages;
        try (var bags = Files.list(platform.archiveRoot())) {
            packages = bags.filter(
                            b -> b.getFileName().toString().startsWith(SyntheticProvince.PROVINCE.substring(0, 2)))
                    .count();
        }
        c.put("archive: packages", packages);
        c.put(
                "archive: packages with a wrong checksum (all packages)",
                verify.path("packages").asLong() - verify.path("valid").asLong());
        try (KafkaWatch kafka = new KafkaWatch(platform.kafka().bootstrapServers())) {
            kafka.deadLetters().forEach((topic, k) -> c.put("dead letters on " + topic, k));
            kafka.lags().forEach((group, k) -> c.put("unconsumed records, group " + group, k));
        }
        for (String db : LocalPlatform.SERVICES) {
            c.put("outbox backlog, " + db, count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
        }
        // each event on its topic once: an event the relay sent again because a fault struck between its send and
        // its mark (a kill, the database or the broker away) is explained, and handled once by the inbox; an event
        // sent twice with no fault in between is what two replicas' relays publishing the same row would leave
        List<String> unexplained = new ArrayList<>();
        try (KafkaWatch kafka = new KafkaWatch(platform.kafka().bootstrapServers())) {
            kafka.events(SyntheticProvince.PROVINCE.substring(0, 2)).forEach((topic, e) -> {
                c.put("topic " + topic + ": records", e.records());
                c.put("topic " + topic + ": events", e.events());
                c.put(
                        "topic " + topic + ": events sent again after a fault",
                        e.duplicates().stream().filter(this::explainedByAFault).count());
                e.duplicates().stream()
                        .filter(d -> !explainedByAFault(d))
                        .forEach(d -> unexplained.add(
                                topic + ": event " + d.id() + " published " + d.times() + " times between "
                                        + Instant.ofEpochMilli(d.first()) + " and " + Instant.ofEpochMilli(d.last())
                                        + " with no fault in between (a duplicate relay)"));
            });
        }

        check(
                problems,
                c.get("intake: versions stored") == n,
                "intake stored " + c.get("intake: versions stored") + " versions for " + n + " reports");
        check(
                problems,
                c.get("validation: versions validated") == n,
                "validation validated " + c.get("validation: versions validated") + " of " + n);
        check(
                problems,
                c.get("review: cases") == n,
                "review has " + c.get("review: cases") + " cases for " + n + " reports");
        check(problems, c.get("review: still open") == 0, c.get("review: still open") + " cases still open");
        check(
                problems,
                c.get("publication: PUBLISHED") == approvedCases,
                c.get("publication: PUBLISHED") + " published of " + approvedCases + " approved");
        check(problems, onPortal == approvedCases, onPortal + " on the portal of " + approvedCases + " approved");
        check(problems, duplicated == 0, duplicated + " duplicated publications on the portal");
        check(
                problems,
                packages == approvedCases,
                "archive: " + packages + " packages for " + approvedCases + " approved");
        check(problems, verify.path("packages").asLong() == verify.path("valid").asLong(), "archive: " + verify);
        check(
                problems,
                finals.values().stream().mapToLong(Long::longValue).sum() == n,
                "intake's final states " + finals + " do not add up to " + n);
        check(
                problems,
                finals.keySet().stream().allMatch(s -> s.equals("PUBLISHED") || s.equals("VALIDATION_FAILED")),
                "reports not in a final state: " + finals);
        problems.addAll(unexplained);
        c.forEach((k, v) -> {
            if ((k.startsWith("dead letters") || k.startsWith("unconsumed") || k.startsWith("outbox backlog"))
                    && v != 0) {
                problems.add(k + ": " + v);
            }
        });
        return new Result(injected, c, problems, markdown(c, problems));
    }

    /** Whether a fault was being injected between the two sends of an event (1 s either side for the clocks). */
    private boolean explainedByAFault(KafkaWatch.Duplicate d) {
        return faultWindows.stream().anyMatch(w -> w[0] - 1_000 <= d.last() && w[1] + 1_000 >= d.first());
    }

    private String markdown(Map<String, Long> counts, List<String> problems) {
        StringBuilder b = new StringBuilder();
        b.append("## Failure drill of ")
                .append(start.toString(), 0, 19)
                .append(" (")
                .append(Duration.between(start, Instant.now()).toSeconds())
                .append(" s)\n\n");
        b.append(reports)
                .append(" reports submitted by ")
                .append(clients)
                .append(" township clients")
                .append(rate > 0 ? String.format(" at %.0f/s", rate) : "")
                .append(" while county reviewers approved every case that passed")
                .append(
                        replicated.isEmpty()
                                ? ""
                                : ", with two replicas of " + String.join(", ", replicated)
                                        + " (the faults kill the first)")
                .append(".\n\nInjected, in turn:\n\n");
        injected.forEach(i -> b.append("- ").append(i).append('\n'));
        b.append("\n| counted afterwards | |\n|---|---|\n");
        counts.forEach(
                (k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append('\n')
                .append(
                        problems.isEmpty()
                                ? "**No report lost, none duplicated, nothing left unprocessed.**"
                                : "**Problems:**\n\n- " + String.join("\n- ", problems))
                .append('\n');
        return b.toString();
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private long count(String db, String sql) throws SQLException {
        try (Connection c = connect(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(platform.postgres().jdbcUrl(db), db, db);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void log(String format, Object... args) {
        System.err.printf("[drill %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }

    // ------------------------------------------------------------------ the command

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of(
                "reports",
                "3000",
                "clients",
                "8",
                "data",
                "deploy/.data/failures",
                "repo",
                ".",
                "between",
                "15",
                "rate",
                "12"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int reports = Integer.parseInt(o.get("reports"));
        Path repo = Path.of(o.get("repo")).toAbsolutePath().normalize();
        Path data = Path.of(o.get("data")).toAbsolutePath().resolve("run-" + System.currentTimeMillis());
        SyntheticProvince province = new SyntheticProvince(reports);
        Path registry = province.write(data.resolve("organisations.json"));
        Result r;
        try (LocalPlatform platform = LocalPlatform.startDurable(repo, data, null, drillConfig(registry))) {
            r = new FailureDrill(platform, province, reports, Integer.parseInt(o.get("clients")))
                    .replicas(List.of(o.getOrDefault("replicas", "intake,validation,review")
                                    .split(","))
                            .stream()
                            .map(String::trim)
                            .filter(x -> !x.isEmpty())
                            .toList())
                    .rate(Double.parseDouble(o.get("rate")))
                    .run(allFaults(), Duration.ofSeconds(Long.parseLong(o.get("between"))), Duration.ofMinutes(15));
        }
        Path out = o.containsKey("out") ? Path.of(o.get("out")) : data.resolve("failures.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, r.markdown(), StandardCharsets.UTF_8);
        System.out.println(r.markdown());
        System.exit(r.ok() ? 0 : 1);
    }

    /** The services' configuration for a drill: the synthetic registry, and quieter logs. */
    public static Map<String, String> drillConfig(Path registry) {
        return Map.of("registry.file", registry.toString(), "quarkus.log.category.\"cn.gov.disclosure\".level", "WARN");
    }
}

package cn.gov.disclosure.system.load;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.infra.ProcessStats;
import cn.gov.disclosure.system.Http;
import cn.gov.disclosure.system.LocalPlatform;
import cn.gov.disclosure.system.PlatformClient;
import cn.gov.disclosure.system.load.ReportGenerator.Fault;
import cn.gov.disclosure.system.load.SyntheticProvince.Township;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The load benchmark (issue 9): the whole platform on this machine (Kafka, PostgreSQL, the OIDC provider, the portal
 * simulator, the four services as processes), N generated reports submitted through intake by a bounded number of
 * concurrent clients (as fast as possible, or at a fixed rate), then a sample approved by the counties and published.
 * Reports the POST's throughput and latency, each stage's latency, errors and the services' peak memory, and in the
 * same run the ceilings of the parts underneath (raw Kafka produce-and-consume, raw PostgreSQL inserts of the same
 * size), with the pipeline's figures as ratios of them. Run by {@code deploy/benchmark.sh}; not part of verify.
 *
 * <pre>
 * deploy/benchmark.sh [--reports 40000] [--clients 16] [--rate 0] [--approve 1000] [--faulty 0.05] [--out FILE]
 * </pre>
 */
public final class LoadBenchmark {

    private final Map<String, String> options;
    private final StringBuilder report = new StringBuilder();

    private LoadBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of(
                "reports",
                "40000",
                "clients",
                "16",
                "rate",
                "0",
                "approve",
                "1000",
                "faulty",
                "0.05",
                "data",
                "deploy/.data/benchmark",
                "repo",
                "."));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LoadBenchmark(o).run();
        System.exit(0);
    }

    /** {@code --jvm "…"}, else the options the services ship with ({@code deploy/service-jvm.options}). */
    private String jvmOptions(Path repo) throws IOException {
        if (options.containsKey("jvm")) {
            return options.get("jvm");
        }
        return Files.readAllLines(repo.resolve("deploy/service-jvm.options")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .collect(Collectors.joining(" "));
    }

    private int opt(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        int n = opt("reports");
        int clients = opt("clients");
        double rate = Double.parseDouble(options.get("rate"));
        int approve = Math.min(opt("approve"), n);
        double faulty = Double.parseDouble(options.get("faulty"));
        Path repo = Path.of(options.get("repo")).toAbsolutePath().normalize();
        Path data =
                Path.of(options.get("data")).toAbsolutePath().normalize().resolve("run-" + System.currentTimeMillis());

        SyntheticProvince province = new SyntheticProvince(n);
        Path registry = province.write(data.resolve("organisations.json"));
        log(
                "starting the platform in %s (registry of %d townships)",
                data, province.townships().size());
        long t0 = System.nanoTime();
        // the services' JVM options: those they ship with (deploy/service-jvm.options) unless --jvm says otherwise
        List<String> jvm = new ArrayList<>(List.of(jvmOptions(repo).trim().split("\\s+")));
        if (options.containsKey("profile")) {
            jvm.add("-XX:FlightRecorderOptions:stackdepth=512");
            // a JFR recording per service (named by its process id), written when the platform stops
            Path profiles = Path.of(options.get("profile")).toAbsolutePath();
            Files.createDirectories(profiles);
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + profiles + "/");
        }
        try (LocalPlatform platform = LocalPlatform.startDurable(
                repo,
                data,
                jvm,
                Map.of(
                        "registry.file",
                        registry.toString(),
                        "quarkus.log.category.\"cn.gov.disclosure\".level",
                        "WARN",
                        "quarkus.datasource.jdbc.max-size",
                        "32"))) {
            log("platform ready in %.0f s", (System.nanoTime() - t0) / 1e9);
            for (String svc : LocalPlatform.SERVICES) {
                log(
                        "%s runs as process %s",
                        svc,
                        platform.service(svc)
                                .processHandle()
                                .map(h -> String.valueOf(h.pid()))
                                .orElse("?"));
            }
            // HTTP/1.1 as a township's browser speaks it on plain http (the JDK's client would otherwise upgrade to h2c
            // and multiplex every client over one connection)
            PlatformClient client = new PlatformClient(
                    platform,
                    new Http(HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .executor(Executors.newFixedThreadPool(4))
                            .build()));

            // tokens and bodies are made before the clock starts (signing 40,000 RSA tokens is not the platform's work)
            log("generating %d reports (%.0f%% with a fault) and their townships' tokens", n, faulty * 100);
            String[] tokens = new String[n];
            byte[][] bodies = new byte[n][];
            Fault[] faults = new Fault[n];
            long bytes = prepare(platform, province, n, faulty, tokens, bodies, faults);
            long avgSize = bytes / n;

            // 1. submissions
            log(
                    "submitting %d reports with %d clients%s",
                    n, clients, rate > 0 ? " at " + rate + "/s" : " as fast as possible");
            Map<String, Double> cpuBefore = cpu(platform); // the start-up's CPU is not the run's
            Submissions sub = submit(platform, client, tokens, bodies, clients, rate);
            double postSeconds = sub.wallNanos / 1e9;
            double postRate = sub.accepted.get() / postSeconds;
            log("%d accepted in %.1f s: %.0f/s; errors %s", sub.accepted.get(), postSeconds, postRate, sub.errors);

            // 2. every accepted report reaches review as a case
            long casesDeadline = System.nanoTime()
                    + Duration.ofMinutes(Math.max(10, n / 1000)).toNanos();
            long cases;
            while ((cases = count(platform, "review", "SELECT count(*) FROM review_case")) < sub.accepted.get()
                    && System.nanoTime() < casesDeadline) {
                Thread.sleep(1000);
            }
            double pipelineSeconds = (System.nanoTime() - sub.startNanos) / 1e9;
            log("%d review cases %.1f s after the first POST", cases, pipelineSeconds);

            // 3. a sample approved by the counties, then published
            List<String[]> awaiting = awaitingCases(platform, approve);
            log("approving %d cases", awaiting.size());
            long approveStart = System.nanoTime();
            AtomicInteger approved = approveAll(client, awaiting, clients);
            long pubDeadline = System.nanoTime()
                    + Duration.ofMinutes(Math.max(5, approve / 100)).toNanos();
            long published;
            while ((published = count(
                                    platform,
                                    "publication",
                                    "SELECT count(*) FROM publication WHERE status = 'PUBLISHED'"))
                            < approved.get()
                    && System.nanoTime() < pubDeadline) {
                Thread.sleep(1000);
            }
            double publishSeconds = (System.nanoTime() - approveStart) / 1e9;
            log("%d approved, %d published in %.1f s", approved.get(), published, publishSeconds);

            Map<String, Long> memory = peakMemory(platform);
            Map<String, Long> startup = new LinkedHashMap<>();
            for (String svc : LocalPlatform.SERVICES) {
                startup.put(svc, platform.service(svc).lastStartMillis());
            }
            Map<String, Double> cpu = cpu(platform);
            cpu.replaceAll((process, seconds) -> seconds - cpuBefore.getOrDefault(process, 0.0));
            Map<String, Stats> stages = stages(platform);
            Map<String, Long> findings = findings(platform);

            // 4. the ceilings underneath, on the same machine, with the same sizes
            log("measuring the ceilings: raw Kafka and raw PostgreSQL with %d records of %d bytes", n, avgSize);
            Ceilings.Result kafka = Ceilings.kafka(platform.kafka().bootstrapServers(), n, (int) avgSize);
            Ceilings.Result pg = Ceilings.postgres(platform.postgres(), n, (int) avgSize, clients);

            write(
                    n,
                    clients,
                    rate,
                    sub,
                    postRate,
                    cases,
                    pipelineSeconds,
                    approved.get(),
                    published,
                    publishSeconds,
                    stages,
                    memory,
                    startup,
                    String.join(" ", jvm),
                    cpu,
                    findings,
                    kafka,
                    pg,
                    avgSize,
                    faults);
        }
        Path out = options.containsKey("out") ? Path.of(options.get("out")) : data.resolve("benchmark.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        log("written to %s", out);
    }

    // ------------------------------------------------------------------ preparation and submission

    private long prepare(
            LocalPlatform platform,
            SyntheticProvince province,
            int n,
            double faulty,
            String[] tokens,
            byte[][] bodies,
            Fault[] faults)
            throws Exception {
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        int chunk = Math.max(1, n / 16);
        for (int from = 0; from < n; from += chunk) {
            int start = from;
            int end = Math.min(n, from + chunk);
            jobs.add(pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(start);
                Fault[] kinds = {
                    Fault.ROW_TOTAL_OFF_BY_ONE, Fault.SECTION_MISSING, Fault.NEGATIVE_COUNT, Fault.NARRATIVE_MISMATCH
                };
                for (int i = start; i < end; i++) {
                    Township t = province.townships().get(i);
                    int year = 2020 + (i % 6); // 2020 (the 2019 template) … 2025 (the 2021 template)
                    faults[i] = r.nextDouble() < faulty ? kinds[r.nextInt(kinds.length)] : Fault.NONE;
                    AnnualReport report = ReportGenerator.generate(i, t.name(), year, faults[i]);
                    try {
                        bodies[i] = ContractsJson.mapper().writeValueAsBytes(report);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    bytes.addAndGet(bodies[i].length);
                    tokens[i] = platform.oidc().token("township-" + t.code(), PlatformClient.TOWNSHIP, t.code());
                }
                return null;
            }));
        }
        for (var j : jobs) {
            j.get();
        }
        pool.shutdown();
        return bytes.get();
    }

    private record Submissions(
            AtomicInteger accepted,
            Map<String, AtomicInteger> errors,
            List<Double> latencies,
            long startNanos,
            long wallNanos) {}

    private Submissions submit(
            LocalPlatform platform, PlatformClient client, String[] tokens, byte[][] bodies, int clients, double rate)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        Map<String, AtomicInteger> errors = new TreeMap<>();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        URI uri = URI.create(platform.url("intake") + "/api/v1/reports");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.length) {
                    if (rate > 0) {
                        long due = start + (long) (i / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                    HttpRequest req = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + tokens[i])
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "bench-" + i)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i]))
                            .build();
                    long t = System.nanoTime();
                    String outcome;
                    try {
                        Http.Answer a = client.http().send(req);
                        outcome = a.status() == 202 ? null : "HTTP " + a.status();
                    } catch (RuntimeException e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (outcome == null) {
                        accepted.incrementAndGet();
                    } else {
                        synchronized (errors) {
                            errors.computeIfAbsent(outcome, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(6, TimeUnit.HOURS);
        return new Submissions(accepted, errors, new ArrayList<>(latencies), start, System.nanoTime() - start);
    }

    private static List<String[]> awaitingCases(LocalPlatform platform, int limit) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = connect(platform, "review");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, county_code FROM review_case WHERE state = 'AWAITING_REVIEW' ORDER BY created_at LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private static AtomicInteger approveAll(PlatformClient client, List<String[]> cases, int clients)
            throws InterruptedException {
        AtomicInteger approved = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients, 8));
        for (int c = 0; c < Math.min(clients, 8); c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < cases.size()) {
                    try {
                        JsonNode done = client.claimAndApprove(cases.get(i)[1], cases.get(i)[0], "同意公开");
                        if ("APPROVED".equals(done.path("state").asText())) {
                            approved.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        System.err.println("approve " + cases.get(i)[0] + ": " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        return approved;
    }

    // ------------------------------------------------------------------ measurements

    /** Each stage's latency, from the timestamps the services recorded (one clock: this machine). */
    private static Map<String, Stats> stages(LocalPlatform platform) throws SQLException {
        Map<String, Instant> submitted =
                times(platform, "intake", "SELECT report_id, submitted_at FROM report_version WHERE version = 1");
        Map<String, Instant> validated = times(
                platform, "validation", "SELECT report_id, validated_at FROM validation_result WHERE version = 1");
        Map<String, Instant> caseCreated =
                times(platform, "review", "SELECT report_id, created_at FROM review_case WHERE version = 1");
        Map<String, Instant> approvedAt = times(
                platform, "publication", "SELECT report_id, approved_at FROM publication WHERE status = 'PUBLISHED'");
        Map<String, Instant> publishedAt = times(
                platform, "publication", "SELECT report_id, published_at FROM publication WHERE status = 'PUBLISHED'");
        Map<String, Stats> out = new LinkedHashMap<>();
        out.put("submitted → validated", between(submitted, validated));
        out.put("validated → review case created", between(validated, caseCreated));
        out.put("submitted → review case created", between(submitted, caseCreated));
        out.put("approved → published", between(approvedAt, publishedAt));
        return out;
    }

    private static Stats between(Map<String, Instant> from, Map<String, Instant> to) {
        List<Double> d = new ArrayList<>();
        from.forEach((id, a) -> {
            Instant b = to.get(id);
            if (b != null) {
                d.add(Duration.between(a, b).toNanos() / 1e6);
            }
        });
        return Stats.of(d);
    }

    private static Map<String, Instant> times(LocalPlatform platform, String db, String sql) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (Connection c = connect(platform, db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return out;
    }

    private static Map<String, Long> findings(LocalPlatform platform) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = connect(platform, "validation");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT f->>'code', count(*) FROM validation_result, jsonb_array_elements(findings) f "
                                + "WHERE f->>'severity' <> 'info' GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (Connection c = connect(platform, "validation");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FILTER (WHERE passed), count(*) FILTER (WHERE NOT passed) FROM validation_result")) {
            rs.next();
            out.put("(passed)", rs.getLong(1));
            out.put("(failed)", rs.getLong(2));
        }
        return out;
    }

    private static Map<String, Long> peakMemory(LocalPlatform platform) {
        Map<String, Long> m = new LinkedHashMap<>(platform.peakMemoryMiB());
        platform.kafka()
                .processHandle()
                .ifPresent(h -> m.put("kafka broker", ProcessStats.peakResidentBytes(h.pid()) / (1024 * 1024)));
        platform.postgres()
                .processHandle()
                .ifPresent(
                        h -> m.put("postgres (postmaster)", ProcessStats.peakResidentBytes(h.pid()) / (1024 * 1024)));
        return m;
    }

    /** CPU seconds each process used so far (user + system, its threads; PostgreSQL: the server and its backends). */
    private static Map<String, Double> cpu(LocalPlatform platform) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String s : LocalPlatform.SERVICES) {
            platform.service(s).processHandle().ifPresent(h -> m.put(s, ProcessStats.cpuSeconds(h.pid())));
        }
        platform.kafka().processHandle().ifPresent(h -> m.put("kafka broker", ProcessStats.cpuSeconds(h.pid())));
        platform.postgres()
                .processHandle()
                .ifPresent(h -> m.put(
                        "postgres",
                        ProcessStats.cpuSeconds(h.pid())
                                + h.children()
                                        .mapToDouble(c -> ProcessStats.cpuSeconds(c.pid()))
                                        .sum()));
        m.put(
                "this benchmark client",
                ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(d -> d.toMillis() / 1000.0)
                        .orElse(0.0));
        return m;
    }

    static long count(LocalPlatform platform, String db, String sql) throws SQLException {
        try (Connection c = connect(platform, db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection connect(LocalPlatform platform, String db) throws SQLException {
        return DriverManager.getConnection(platform.postgres().jdbcUrl(db), db, db);
    }

    // ------------------------------------------------------------------ the report

    private void write(
            int n,
            int clients,
            double rate,
            Submissions sub,
            double postRate,
            long cases,
            double pipelineSeconds,
            int approved,
            long published,
            double publishSeconds,
            Map<String, Stats> stages,
            Map<String, Long> memory,
            Map<String, Long> startup,
            String jvm,
            Map<String, Double> cpu,
            Map<String, Long> findings,
            Ceilings.Result kafka,
            Ceilings.Result pg,
            long avgSize,
            Fault[] faults) {
        double pipelineRate = cases / pipelineSeconds;
        Map<Fault, Integer> faultCounts = new TreeMap<>();
        for (Fault f : faults) {
            faultCounts.merge(f, 1, Integer::sum);
        }
        line(
                "## Load benchmark run of %s",
                Instant.now().toString().substring(0, 19).replace('T', ' '));
        line("");
        line(
                "Machine: %d cores, %d MiB max heap for this client, Java %s; %s.",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                osLine());
        line(
                "Command: `deploy/system-tests.sh benchmark --reports %d --clients %d --rate %s --approve %s --faulty %s`",
                n, clients, rate > 0 ? rate : "0", options.get("approve"), options.get("faulty"));
        line("");
        line(
                "Reports: %d generated (both templates, years 2020–2025), %d bytes of JSON on average; faults: %s.",
                n, avgSize, faultCounts);
        line("");
        line("| what | figure |");
        line("|---|---|");
        line("| POSTs accepted (202) | %d of %d |", sub.accepted.get(), n);
        line("| errors | %s |", sub.errors.isEmpty() ? "none" : sub.errors.toString());
        line(
                "| submissions per second (POST phase, %d clients) | **%.0f/s** (%.1f s) |",
                clients, postRate, sub.wallNanos / 1e9);
        line(
                "| review cases created | %d, the last %.1f s after the first POST: **%.0f reports/s** end to end |",
                cases, pipelineSeconds, pipelineRate);
        line(
                "| approved → published | %d approved, %d published in %.1f s (%.1f/s, HTML + PDF + portal + BagIt) |",
                approved, published, publishSeconds, published / publishSeconds);
        line("");
        line("| latency | n | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|");
        line(Stats.of(sub.latencies).row("POST /api/v1/reports"));
        stages.forEach((name, s) -> line(s.row(name)));
        line("");
        line("| ceiling on the same machine | rate | pipeline as a share of it |");
        line("|---|---|---|");
        line(
                "| Kafka: produce (acks=all, idempotent) and consume %d records of %d bytes | %.0f records/s | submissions %.1f%%, end to end %.1f%% |",
                kafka.records(),
                avgSize,
                kafka.rate(),
                100 * postRate / kafka.rate(),
                100 * pipelineRate / kafka.rate());
        line(
                "| PostgreSQL: %d single-row transactions of %d bytes (jsonb), %d connections | %.0f rows/s | submissions %.1f%%, end to end %.1f%% |",
                pg.records(), avgSize, clients, pg.rate(), 100 * postRate / pg.rate(), 100 * pipelineRate / pg.rate());
        line("");
        line("Services' JVM options: `%s`.", jvm);
        line("");
        line(
                "| process | peak resident memory (VmHWM) | CPU used from the first POST on (user + system) | CPU per report | start-up (launch → ready) |");
        line("|---|---|---|---|---|");
        memory.forEach((k, v) -> line(
                "| %s | %d MiB | %s | %s | %s |",
                k,
                v,
                cpu.containsKey(k) ? String.format("%.0f s", cpu.get(k)) : "–",
                cpu.containsKey(k) ? String.format("%.1f ms", 1000 * cpu.get(k) / n) : "–",
                startup.containsKey(k) ? String.format("%.1f s", startup.get(k) / 1000.0) : "–"));
        cpu.forEach((k, v) -> {
            if (!memory.containsKey(k)) {
                line("| %s | – | %.0f s | %.1f ms | – |", k, v, 1000 * v / n);
            }
        });
        line("");
        line("Findings (warnings and errors) by rule: %s", findings);
        line("");
    }

    private static String osLine() {
        try {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
            long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .orElse(0L);
            return model + ", " + memKb / (1024 * 1024) + " GiB";
        } catch (Exception e) {
            return System.getProperty("os.name");
        }
    }

    private void line(String format, Object... args) {
        report.append(args.length == 0 ? format : String.format(format, args)).append('\n');
    }

    private static void log(String format, Object... args) {
        System.err.printf(
                "[benchmark %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}

package cn.gov.disclosure.system.hostile;

import cn.gov.disclosure.system.LocalPlatform;
import cn.gov.disclosure.system.PlatformClient;
import cn.gov.disclosure.system.Seeds;
import cn.gov.disclosure.system.hostile.HostileInput.Expect;
import cn.gov.disclosure.system.hostile.HostileInput.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bad input at scale (issue 9): the {@link HostileInput} corpus against a running platform, the answers counted by
 * service and status, every violation listed (a 5xx, no answer, or a 2xx for a request that must be refused), and
 * what the services store counted before and after the requests that must be refused: nothing may change.
 *
 * <pre>deploy/system-tests.sh hostile [--out FILE]</pre>
 */
public final class HostileInputRun {

    /** The tables whose row counts must not move while refused requests come in. */
    static final Map<String, List<String>> STORED = Map.of(
            "intake", List.of("report", "report_version", "outbox_event", "idempotency_key"),
            "validation", List.of("validation_result", "outbox_event"),
            "review", List.of("review_case", "case_audit", "outbox_event"),
            "publication", List.of("publication", "outbox_event"));

    /** What a run found. */
    public record Result(
            List<Outcome> outcomes, Map<String, Long> storedBefore, Map<String, Long> storedAfter, String markdown) {
        public List<Outcome> violations() {
            return outcomes.stream().filter(Outcome::violation).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("data", "deploy/.data/hostile", "repo", "."));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path repo = Path.of(o.get("repo")).toAbsolutePath().normalize();
        Path data = Path.of(o.get("data")).toAbsolutePath().resolve("run-" + System.currentTimeMillis());
        Result r;
        try (LocalPlatform platform = LocalPlatform.start(repo, data)) {
            PlatformClient client = new PlatformClient(platform);
            // the victim: seed 003's township (丰林县) has a report and a case; the attacker is seed 000's (晋江市)
            Seeds.Seed victim = Seeds.load(repo).get(3);
            String reportId = client.importText(victim.organisationCode(), victim.text(), null)
                    .json()
                    .path("reportId")
                    .asText();
            String caseId = PlatformClient.caseId(reportId, 1);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (client.reviewCase(victim.countyCode(), caseId).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            r = run(platform, client, "350582107", victim.organisationCode(), reportId, caseId);
        }
        Path out = o.containsKey("out") ? Path.of(o.get("out")) : data.resolve("hostile.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, r.markdown(), StandardCharsets.UTF_8);
        System.out.println(r.markdown());
        System.exit(r.violations().isEmpty() && r.storedBefore().equals(r.storedAfter()) ? 0 : 1);
    }

    /** Runs the corpus: the requests that must be refused first (with the stored counts around them), then the rest. */
    public static Result run(
            LocalPlatform platform,
            PlatformClient client,
            String township,
            String otherTownship,
            String otherReportId,
            String otherCaseId)
            throws SQLException {
        HostileInput corpus = new HostileInput(platform, client, township, otherTownship, otherReportId, otherCaseId);
        List<HostileInput.Probe> refused = corpus.probes().stream()
                .filter(p -> p.expect() == Expect.REFUSED)
                .toList();
        List<HostileInput.Probe> odd = corpus.probes().stream()
                .filter(p -> p.expect() == Expect.NOT_5XX)
                .toList();
        Map<String, Long> before = stored(platform);
        List<Outcome> outcomes = new ArrayList<>(send(client, refused));
        Map<String, Long> after = stored(platform);
        outcomes.addAll(send(client, odd));
        return new Result(outcomes, before, after, markdown(outcomes, before, after));
    }

    private static List<Outcome> send(PlatformClient client, List<HostileInput.Probe> probes) {
        return probes.stream()
                .map(p -> {
                    try {
                        var a = client.http().send(p.request());
                        String body = a.text();
                        return new Outcome(p, a.status(), body.length() > 300 ? body.substring(0, 300) : body);
                    } catch (RuntimeException e) {
                        return new Outcome(p, 0, e.toString());
                    }
                })
                .toList();
    }

    static Map<String, Long> stored(LocalPlatform platform) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var e : new TreeMap<>(STORED).entrySet()) {
            String db = e.getKey();
            try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl(db), db, db);
                    Statement st = c.createStatement()) {
                for (String table : e.getValue()) {
                    if (!exists(c, table)) {
                        continue;
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        counts.put(db + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    static String markdown(List<Outcome> outcomes, Map<String, Long> before, Map<String, Long> after) {
        StringBuilder b = new StringBuilder();
        b.append("## Hostile input run of ")
                .append(Instant.now().toString(), 0, 19)
                .append("\n\n");
        long refused = outcomes.stream()
                .filter(o -> o.probe().expect() == Expect.REFUSED)
                .count();
        b.append(outcomes.size())
                .append(" requests: ")
                .append(refused)
                .append(" that must be refused (any 4xx), ")
                .append(outcomes.size() - refused)
                .append(" odd but legitimate (anything but a 5xx).\n\n");
        b.append("| service | answers by status |\n|---|---|\n");
        HostileInput.tally(outcomes)
                .forEach((s, t) ->
                        b.append("| ").append(s).append(" | ").append(t).append(" |\n"));
        long fiveXx = outcomes.stream()
                .filter(o -> o.status() >= 500 || o.status() == 0)
                .count();
        long wrong2xx = outcomes.stream()
                .filter(o -> o.probe().expect() == Expect.REFUSED && o.status() / 100 == 2)
                .count();
        b.append("\n5xx or no answer: **")
                .append(fiveXx)
                .append("**; 2xx for a request that must be refused: **")
                .append(wrong2xx)
                .append("**; stored rows ")
                .append(before.equals(after) ? "unchanged" : "CHANGED")
                .append(" by the refused requests (")
                .append(after)
                .append(").\n");
        List<Outcome> violations = outcomes.stream().filter(Outcome::violation).toList();
        if (!violations.isEmpty()) {
            b.append("\nViolations:\n\n");
            violations.forEach(v -> b.append("- ")
                    .append(v.probe().service())
                    .append(": ")
                    .append(v.probe().name())
                    .append(" → ")
                    .append(v.status())
                    .append(' ')
                    .append(v.body().replace('\n', ' '))
                    .append('\n'));
        }
        return b.toString();
    }
}

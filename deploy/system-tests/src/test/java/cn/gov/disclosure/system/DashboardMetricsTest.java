package cn.gov.disclosure.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The operators' dashboard (deploy/grafana) queries only metrics the services export: every metric name in its
 * PromQL is scraped from a running service's /q/metrics. It runs after the end-to-end test ({@code @Order(1)}) has
 * taken reports through every service: a counter with tags (a topic, a finding's code) exists once it has counted
 * (run alone, on an idle platform, the event counters are not there yet); the portal's outcomes are exported from
 * start.
 */
@Order(3)
class DashboardMetricsTest {

    /** Metric names in PromQL: identifiers followed by a selector, a range or a closing parenthesis. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*_(?:total|seconds_count|seconds_max|"
            + "seconds_bucket|bytes|max|backlog|rows|cases))\\b");

    @Test
    void everyMetricTheDashboardQueriesIsExportedByAService() throws IOException {
        LocalPlatform platform = SharedPlatform.get();
        JsonNode dashboard = Http.JSON.readTree(
                Files.readString(platform.repoDir().resolve("deploy/grafana/annual-report-platform.json")));
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).as("metric names found in the dashboard").hasSizeGreaterThan(10);

        Set<String> exported = new TreeSet<>();
        Http http = new Http();
        for (String service : LocalPlatform.SERVICES) {
            Http.Answer a = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + "/q/metrics"))
                    .header("Accept", "text/plain")
                    .GET()
                    .build());
            assertThat(a.status()).as(service + " /q/metrics").isEqualTo(200);
            a.text()
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        assertThat(exported).as("every metric the dashboard queries").containsAll(queried);
    }

    @Test
    void everyServiceExportsItsSpansToTheCollectorNamedAtRunTime() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        // the services were built with no collector in mind; the shared platform names one when it starts them
        Http http = new Http();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Set<String> missing = new TreeSet<>();
        do {
            missing.clear();
            for (String service : LocalPlatform.SERVICES) {
                http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + "/api/v1/catalogue"))
                        .GET()
                        .build());
                if (!SharedPlatform.TRACES.receivedFrom(service + "-service")) {
                    missing.add(service);
                }
            }
            Thread.sleep(500);
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing)
                .as(
                        "services whose spans did not reach the collector (%d export requests)",
                        SharedPlatform.TRACES.requests())
                .isEmpty();
    }
}

package cn.gov.disclosure.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.disclosure.contracts.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml and deploy/k8s/*.yaml cannot be run by the build (no Docker, no cluster): this
 * checks that they say what the code says. The ports are each service's {@code quarkus.http.port}, the topics are
 * {@link Topics#ALL} and their dead-letter topics (and the services' channels read no other topic), and every
 * service runs the same image in both, named after its module.
 */
class DeploymentManifestsTest {

    static final Path REPO =
            Path.of(System.getProperty("repo.dir", "../..")).toAbsolutePath().normalize();
    static final List<String> SERVICES =
            List.of("intake-service", "validation-service", "review-service", "publication-service");
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    static Properties applicationProperties(String module) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(
                REPO.resolve(module).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static int httpPort(String module) throws IOException {
        return Integer.parseInt(
                applicationProperties(module).getProperty("quarkus.http.port").trim());
    }

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    static List<JsonNode> k8s() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPO.resolve("deploy/k8s"))) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(documents(f));
            }
        }
        return all;
    }

    static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return kind(docs, kind).stream()
                .filter(d -> name.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    static JsonNode compose() throws IOException {
        return documents(REPO.resolve("deploy/compose/docker-compose.yml")).get(0);
    }

    static Set<String> expectedTopics() {
        Set<String> t = new TreeSet<>(Topics.ALL);
        Topics.ALL.forEach(topic -> t.add(Topics.deadLetter(topic)));
        return t;
    }

    @Test
    void composeRunsEveryServiceOnItsPortWithItsImage() throws IOException {
        JsonNode services = compose().path("services");
        for (String module : SERVICES) {
            int port = httpPort(module);
            JsonNode s = services.path(module);
            assertThat(s.isMissingNode()).as("compose service " + module).isFalse();
            assertThat(s.path("image").asText()).as(module + " image").isEqualTo(expectedImage(module));
            assertThat(s.path("environment").path("QUARKUS_HTTP_PORT").asText())
                    .as(module + " port")
                    .isEqualTo("" + port);
            assertThat(texts(s.path("ports"))).as(module + " published port").contains(port + ":" + port);
            assertThat(texts(s.path("healthcheck").path("test")).toString())
                    .as(module + " healthcheck")
                    .contains("/" + port)
                    .contains("/q/health/ready");
            assertThat(s.path("build").path("args").path("MODULE").asText()).isEqualTo(module);
        }
        int portal = httpPort("deploy/portal-simulator");
        JsonNode sim = services.path("portal-simulator");
        assertThat(sim.path("environment").path("QUARKUS_HTTP_PORT").asText()).isEqualTo("" + portal);
        assertThat(services.path("publication-service")
                        .path("environment")
                        .path("QUARKUS_REST_CLIENT_PORTAL_URL")
                        .asText())
                .endsWith(":" + portal);
    }

    @Test
    void composeCreatesExactlyTheContractTopics() throws IOException {
        String init = texts(compose().path("services").path("kafka-init").path("command"))
                .toString();
        assertThat(topicsNamedIn(init)).isEqualTo(expectedTopics());
    }

    @Test
    void kubernetesRunsEveryServiceOnItsPortWithProbesLimitsAndTheComposeImage() throws IOException {
        List<JsonNode> docs = k8s();
        JsonNode composeServices = compose().path("services");
        for (String module : SERVICES) {
            int port = httpPort(module);
            JsonNode deployment = named(docs, "Deployment", module);
            JsonNode container = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(container.path("image").asText())
                    .as(module + " image")
                    .isEqualTo(composeServices.path(module).path("image").asText())
                    .isEqualTo(expectedImage(module));
            assertThat(container.path("ports").get(0).path("containerPort").asInt())
                    .as(module + " port")
                    .isEqualTo(port);
            assertThat(env(container).get("QUARKUS_HTTP_PORT")).isEqualTo("" + port);
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/ready");
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("port")
                            .asInt())
                    .isEqualTo(port);
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/live");
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("port")
                            .asInt())
                    .isEqualTo(port);
            assertThat(container.path("resources").path("limits").path("memory").asText())
                    .as(module + " memory limit")
                    .isNotEmpty();
            assertThat(container.path("resources").path("limits").path("cpu").asText())
                    .as(module + " cpu limit")
                    .isNotEmpty();
            assertThat(deployment
                            .path("spec")
                            .path("template")
                            .path("metadata")
                            .path("annotations")
                            .path("prometheus.io/port")
                            .asText())
                    .isEqualTo("" + port);
            JsonNode service = named(docs, "Service", module);
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt())
                    .isEqualTo(port);
            assertThat(service.path("spec")
                            .path("ports")
                            .get(0)
                            .path("targetPort")
                            .asInt())
                    .isEqualTo(port);
        }
    }

    @Test
    void kubernetesDeclaresExactlyTheContractTopicsWithPartitionsAndRetention() throws IOException {
        List<JsonNode> topics = kind(k8s(), "KafkaTopic");
        Set<String> names = new TreeSet<>();
        for (JsonNode t : topics) {
            String name = t.path("spec").path("topicName").asText();
            names.add(name);
            assertThat(t.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText())
                    .isEqualTo("annual-report");
            assertThat(t.path("spec").path("partitions").asInt())
                    .as(name + " partitions")
                    .isPositive();
            assertThat(t.path("spec").path("config").path("retention.ms").asLong())
                    .as(name + " retention")
                    .isPositive();
        }
        assertThat(names).isEqualTo(expectedTopics());
        assertThat(kind(k8s(), "Kafka")).hasSize(1);
    }

    @Test
    void theServicesReadOnlyContractTopicsAndDeadLetterToTheirDlq() throws IOException {
        Set<String> expected = expectedTopics();
        for (String module : SERVICES) {
            Properties p = applicationProperties(module);
            Map<String, String> channels = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic")
                        .matcher(key);
                if (m.matches()) {
                    channels.put(m.group(1), p.getProperty(key).trim());
                }
            }
            assertThat(channels).as(module + " channels").isNotEmpty();
            channels.forEach((channel, topic) -> {
                assertThat(Topics.ALL).as(module + " channel " + channel).contains(topic);
                assertThat(p.getProperty("mp.messaging.incoming." + channel + ".dead-letter-queue.topic"))
                        .as(module + " dead letters of " + channel)
                        .isEqualTo(Topics.deadLetter(topic));
            });
            assertThat(expected).containsAll(channels.values());
        }
    }

    @Test
    void alertRulesParseAndCoverLagDeadLettersOutboxAndPublication() throws IOException {
        JsonNode rules = documents(REPO.resolve("deploy/prometheus/alerts.yml")).get(0);
        List<String> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        rules.path("groups")
                .forEach(g -> g.path("rules").forEach(r -> {
                    names.add(r.path("alert").asText());
                    exprs.add(r.path("expr").asText());
                }));
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
        String all = String.join("\n", exprs);
        assertThat(all)
                .contains(
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "annual_report_events_dead_lettered_total",
                        "annual_report_outbox_backlog",
                        "annual_report_events_published_total");
        assertThat(names).anyMatch(n -> n.contains("Publication"));
    }

    /** Resident memory of a service beyond its heap at the benchmark's peak (BENCHMARKS.md, "Footprint"), rounded up. */
    static final int NON_HEAP_MIB = 224;

    @Test
    void everyContainerRunsTheMeasuredJvmOptionsWithRoomAboveTheHeap() throws IOException {
        String options = Files.readAllLines(REPO.resolve("deploy/service-jvm.options")).stream()
                .filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + " " + b);
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(options);
        assertThat(xmx.find()).as("deploy/service-jvm.options bounds the heap").isTrue();
        int heap = Integer.parseInt(xmx.group(1));
        String dockerfile = Files.readString(REPO.resolve("deploy/compose/Dockerfile.jvm"), StandardCharsets.UTF_8);
        assertThat(dockerfile)
                .as("the image runs the services with the measured options")
                .contains("COPY deploy/service-jvm.options")
                .contains("MALLOC_ARENA_MAX=2");
        List<JsonNode> docs = k8s();
        for (String module : SERVICES) {
            JsonNode container = named(docs, "Deployment", module)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(mebibytes(container
                            .path("resources")
                            .path("limits")
                            .path("memory")
                            .asText()))
                    .as(module + ": the memory limit leaves the non-heap memory room above the " + heap + " MiB heap")
                    .isGreaterThanOrEqualTo(heap + NON_HEAP_MIB);
            assertThat(String.valueOf(env(container).get("JAVA_OPTS")))
                    .as(module + " does not override the measured heap")
                    .doesNotContain("-Xmx")
                    .doesNotContain("MaxRAMPercentage");
        }
    }

    static int mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("memory quantity " + quantity).isTrue();
        return Integer.parseInt(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    @Test
    void theImageHasTheFontThePublicationServiceRendersWith() throws IOException {
        String font = applicationProperties("publication-service")
                .getProperty("pdf.font.path")
                .trim();
        String dockerfile = Files.readString(REPO.resolve("deploy/compose/Dockerfile.jvm"), StandardCharsets.UTF_8);
        String installs =
                dockerfile.lines().filter(l -> !l.trim().startsWith("#")).reduce("", (a, b) -> a + " " + b);
        assertThat(installs).as("the image installs a CJK font package").contains("apt-get install");
        String pkg = "fonts-wqy-microhei";
        assertThat(installs).contains(pkg);
        // the package puts the file where pdf.font.path looks (this Debian machine has the package's file list)
        Path list = Path.of("/var/lib/dpkg/info/" + pkg + ".list");
        assumeTrue(Files.isRegularFile(list), "no dpkg file list of " + pkg);
        assertThat(Files.readAllLines(list)).as(pkg + " installs " + font).contains(font);
    }

    static String expectedImage(String module) {
        return "annual-report/" + module + ":1.0.0";
    }

    static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container
                .path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    static Set<String> topicsNamedIn(String text) {
        Matcher m = Pattern.compile("annual-report\\.[a-z-]+(?:\\.dlq)?").matcher(text);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}

package cn.gov.disclosure.system;

import cn.gov.disclosure.infra.LocalKafka;
import cn.gov.disclosure.infra.LocalPostgres;
import cn.gov.disclosure.infra.LocalService;
import cn.gov.disclosure.infra.oidc.LocalOidcProvider;
import cn.gov.disclosure.portal.sim.PortalHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole platform on this machine, every part real: a Kafka broker (KRaft), a PostgreSQL server with the four
 * service databases, an OIDC provider, the portal simulator, and the four services as child processes started from
 * their built jars. Everything listens on 127.0.0.1 on free ports and keeps its data under one folder; {@link #close()}
 * stops it all, and if this JVM dies its watchers kill what it started.
 */
public final class LocalPlatform implements AutoCloseable {

    /** The services in the order of the flow: intake → validation → review → publication. */
    public static final List<String> SERVICES = List.of("intake", "validation", "review", "publication");

    private final Path repoDir;
    private final Path dataDir;
    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final LocalOidcProvider oidc;
    private final PortalHttpServer portal;
    private final Map<String, LocalService> services = new LinkedHashMap<>();
    /** The second replicas started by {@link #startReplicas}, by service. */
    private final Map<String, LocalService> replicas = new LinkedHashMap<>();

    private final AtomicInteger roundRobin = new AtomicInteger();
    private final List<String> serviceJvmOptions;
    private final Map<String, String> extraProperties;

    private LocalPlatform(
            Path repoDir,
            Path dataDir,
            List<String> serviceJvmOptions,
            Map<String, String> extraProperties,
            boolean durable) {
        this.repoDir = repoDir.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.serviceJvmOptions = serviceJvmOptions;
        this.extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
        for (String s : SERVICES) {
            Path jar = LocalService.jarOf(this.repoDir, s + "-service");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        jar + " is missing: build the services first (./mvnw -DskipTests package)");
            }
        }
        try {
            // the postgres user (the server does not run as root) must be able to reach its folder under this one
            Files.createDirectories(this.dataDir);
            Files.setPosixFilePermissions(this.dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + this.dataDir, e);
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            kafka = new LocalKafka(this.dataDir.resolve("kafka")).exitWithJvm(true);
            kafka.start();
            started.add(kafka);
            postgres = new LocalPostgres(this.dataDir.resolve("postgres"))
                    .exitWithJvm(true)
                    .durable(durable);
            postgres.start();
            started.add(postgres);
            oidc = LocalOidcProvider.start(0);
            started.add(oidc);
            portal = PortalHttpServer.start("127.0.0.1", 0, this.dataDir.resolve("portal"));
            started.add(portal);
            for (String s : SERVICES) {
                postgres.createDatabase(s, s, s);
                LocalService svc = new LocalService(
                        s,
                        LocalService.jarOf(this.repoDir, s + "-service"),
                        this.dataDir.resolve("services").resolve(s),
                        0);
                if (serviceJvmOptions != null) {
                    svc.jvmOptions(serviceJvmOptions);
                }
                services.put(s, svc);
            }
            // every service's port is known now: the pages' addresses of each other are part of the configuration
            for (String s : SERVICES) {
                services.get(s).properties(serviceConfig(s)).properties(this.extraProperties);
            }
            // all at once (they start in parallel), then wait for each
            services.values().forEach(LocalService::launch);
            services.values().forEach(svc -> {
                started.add(svc);
                svc.awaitReady();
            });
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * Starts the platform.
     *
     * @param repoDir           the repository (where the services' jars are built)
     * @param dataDir           where every part keeps its data (created)
     * @param serviceJvmOptions the services' JVM options; null for {@link LocalService}'s defaults
     * @param extraProperties   configuration given to every service on top of {@link #serviceConfig}
     *                          (PostgreSQL runs with fsync off, as in the other tests: {@link #startDurable} for runs
     *                          that measure or restart it)
     */
    public static LocalPlatform start(
            Path repoDir, Path dataDir, List<String> serviceJvmOptions, Map<String, String> extraProperties) {
        return new LocalPlatform(repoDir, dataDir, serviceJvmOptions, extraProperties, false);
    }

    /** As {@link #start(Path, Path, List, Map)}, with PostgreSQL durable (fsync and synchronous commit on). */
    public static LocalPlatform startDurable(
            Path repoDir, Path dataDir, List<String> serviceJvmOptions, Map<String, String> extraProperties) {
        return new LocalPlatform(repoDir, dataDir, serviceJvmOptions, extraProperties, true);
    }

    public static LocalPlatform start(Path repoDir, Path dataDir) {
        return start(repoDir, dataDir, null, Map.of());
    }

    /** The configuration of one service in this platform, as deploy/services.sh gives it on the local stack. */
    Map<String, String> serviceConfig(String service) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service));
        p.put("quarkus.datasource.username", service);
        p.put("quarkus.datasource.password", service);
        p.put("quarkus.oidc.auth-server-url", oidc.issuer());
        p.put("registry.file", repoDir.resolve("deploy/organisations.json").toString());
        // the pages: the townships' (intake) and the reviewers' (review) sign in here and point at each other; the
        // townships' page runs validation's dry run, which allows its origin
        p.put("frontend.oidc.auth-server-url", oidc.issuer());
        p.put("frontend.workspace-url", url("intake") + "/workspace/");
        p.put("frontend.review-url", url("review") + "/admin/");
        p.put("frontend.validation-url", url("validation"));
        p.put("frontend.publication-url", url("publication"));
        if (service.equals("intake")) {
            // the hostile corpus sends hundreds of requests as one township, the drill resends: the per-caller limits
            // (intake's RateLimitTest) would answer 429 before the input is looked at
            p.put("intake.limits.versions", "100000");
            p.put("intake.limits.imports", "100000");
        }
        if (service.equals("validation")) {
            p.put("quarkus.http.cors.origins", url("intake") + "," + url("review"));
        }
        if (service.equals("publication")) {
            p.put("quarkus.http.cors.origins", url("review"));
        }
        if (service.equals("publication")) {
            p.put("quarkus.rest-client.portal.url", portal.baseUrl());
            p.put("archive.root", archiveRoot().toString());
            // a portal that fails is retried sooner than in production, so that a drill's outage is over in minutes
            p.put("publication.recovery.interval", "5s");
        }
        return p;
    }

    /**
     * Starts a second replica of each of {@code names} (those not running one yet), as {@code deploy/k8s} runs them:
     * the same database and consumer group, a port of its own. The replicas split the topics' partitions between them
     * and both relays work on the one outbox table.
     */
    public synchronized void startReplicas(List<String> names) {
        List<LocalService> started = new ArrayList<>();
        for (String s : names) {
            if (replicas.containsKey(s)) {
                continue;
            }
            LocalService r = new LocalService(
                    s + "-2",
                    LocalService.jarOf(repoDir, s + "-service"),
                    dataDir.resolve("services").resolve(s + "-2"),
                    0);
            if (serviceJvmOptions != null) {
                r.jvmOptions(serviceJvmOptions);
            }
            r.properties(serviceConfig(s)).properties(extraProperties);
            replicas.put(s, r);
            started.add(r.launch());
        }
        started.forEach(LocalService::awaitReady);
    }

    /** Every running replica of a service: the first, then the one {@link #startReplicas} added. */
    public synchronized List<LocalService> replicas(String service) {
        List<LocalService> all = new ArrayList<>(List.of(service(service)));
        if (replicas.containsKey(service)) {
            all.add(replicas.get(service));
        }
        return all;
    }

    public LocalService service(String name) {
        LocalService s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name + "; one of " + SERVICES);
        }
        return s;
    }

    /**
     * The address of a service; with replicas running, each call gives the next running one (as a load balancer
     * would, skipping a replica that is down).
     */
    public String url(String service) {
        List<LocalService> all = replicas(service);
        if (all.size() == 1) {
            return all.get(0).baseUrl();
        }
        int first = Math.floorMod(roundRobin.getAndIncrement(), all.size());
        for (int i = 0; i < all.size(); i++) {
            LocalService r = all.get((first + i) % all.size());
            if (r.isRunning()) {
                return r.baseUrl();
            }
        }
        return all.get(first).baseUrl();
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalOidcProvider oidc() {
        return oidc;
    }

    public PortalHttpServer portal() {
        return portal;
    }

    public Path archiveRoot() {
        return dataDir.resolve("archive");
    }

    public Path repoDir() {
        return repoDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The peak resident memory (VmHWM) of each service so far, in MiB. */
    public Map<String, Long> peakMemoryMiB() {
        Map<String, Long> m = new LinkedHashMap<>();
        services.forEach((n, s) -> m.put(n, s.peakResidentBytes() / (1024 * 1024)));
        replicas.values().forEach(r -> m.put(r.name(), r.peakResidentBytes() / (1024 * 1024)));
        return m;
    }

    @Override
    public void close() {
        replicas.values().forEach(LocalService::stop);
        List<String> names = new ArrayList<>(services.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            services.get(names.get(i)).stop();
        }
        portal.close();
        oidc.close();
        postgres.stop();
        kafka.stop();
    }
}

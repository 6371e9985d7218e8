package cn.gov.disclosure.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one test resource of every service's {@code @QuarkusTest}: a real Kafka broker and a real PostgreSQL server,
 * no Docker.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false,
 *                      initArgs = @ResourceArg(name = "database", value = "intake"))
 * }</pre>
 *
 * <p>ONE broker and ONE server per JVM, started lazily on first use, reused by every test class (and every Quarkus
 * restart) of the JVM, stopped and deleted by a shutdown hook (and killed by a watcher process if the JVM is
 * killed). Each {@link #start()} creates the service's database if it is absent.
 *
 * <p>Init args (all optional):
 * <ul>
 *   <li>{@code database}: the database (default: system property {@code infra.database}, else {@code app});</li>
 *   <li>{@code username}, {@code password}: its owner (default: the database name, as in the local stack);</li>
 *   <li>{@code kafka}, {@code postgres}: {@code false} to leave that one out (default {@code true});</li>
 *   <li>{@code reactive}: {@code true} to also return {@code quarkus.datasource.reactive.url}.</li>
 * </ul>
 *
 * <p>Returned config: {@code kafka.bootstrap.servers}, {@code quarkus.kafka.devservices.enabled=false},
 * {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username}, {@code quarkus.datasource.password},
 * {@code quarkus.datasource.devservices.enabled=false} (and {@code quarkus.datasource.reactive.url} on request).
 *
 * <p>Tests reach the same broker and server through {@link #kafka()}, {@link #bootstrapServers()},
 * {@link #postgres()}, {@link #jdbcUrl(String)}. The state is shared through system properties, so a copy of this
 * class in another class loader (Quarkus loads test resources and tests apart) finds the same processes.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** System property naming the default database (when no {@code database} init arg is given). */
    public static final String DATABASE_PROPERTY = "infra.database";
    /** System property: a folder under which the singletons keep their data (default: java.io.tmpdir). */
    public static final String DATA_ROOT_PROPERTY = "infra.data.root";

    private static final String KAFKA_DIR = "infra.shared.kafka.dir";
    private static final String KAFKA_PORT = "infra.shared.kafka.port";
    private static final String KAFKA_CONTROLLER_PORT = "infra.shared.kafka.controller-port";
    private static final String PG_DIR = "infra.shared.postgres.dir";
    private static final String PG_PORT = "infra.shared.postgres.port";

    /** A JVM-wide lock: a string literal is the same object in every class loader. */
    private static final Object LOCK = "cn.gov.disclosure.infra.RealInfrastructureResource.LOCK";

    private static LocalKafka kafka;
    private static LocalPostgres postgres;

    private String database = "app";
    private String username;
    private String password;
    private boolean withKafka = true;
    private boolean withPostgres = true;
    private boolean reactive = false;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", System.getProperty(DATABASE_PROPERTY, "app"));
        username = initArgs.getOrDefault("username", database);
        password = initArgs.getOrDefault("password", database);
        withKafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
        withPostgres = Boolean.parseBoolean(initArgs.getOrDefault("postgres", "true"));
        reactive = Boolean.parseBoolean(initArgs.getOrDefault("reactive", "false"));
    }

    @Override
    public Map<String, String> start() {
        if (username == null) {
            init(Map.of());
        }
        Map<String, String> config = new LinkedHashMap<>();
        if (withKafka) {
            config.put("kafka.bootstrap.servers", bootstrapServers());
            config.put("quarkus.kafka.devservices.enabled", "false");
        }
        if (withPostgres) {
            LocalPostgres pg = postgres();
            pg.createDatabase(database, username, password);
            config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
            config.put("quarkus.datasource.username", username);
            config.put("quarkus.datasource.password", password);
            config.put("quarkus.datasource.devservices.enabled", "false");
            if (reactive) {
                config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
            }
        }
        return config;
    }

    /** Nothing: the broker and the server live until the JVM ends (shared by every test class). */
    @Override
    public void stop() {}

    /** The shared broker, started on the first call. A test may {@code stop()} and {@code start()} it. */
    public static LocalKafka kafka() {
        synchronized (LOCK) {
            if (kafka == null) {
                String dir = System.getProperty(KAFKA_DIR);
                if (dir != null) {
                    // started by a copy of this class in another class loader: the same data dir and ports
                    kafka = new LocalKafka(
                            Path.of(dir),
                            Integer.parseInt(System.getProperty(KAFKA_PORT)),
                            Integer.parseInt(System.getProperty(KAFKA_CONTROLLER_PORT)));
                } else {
                    Path d = newDataDir("infra-kafka-");
                    LocalKafka k = new LocalKafka(d).exitWithJvm(true);
                    k.start();
                    System.setProperty(KAFKA_DIR, d.toString());
                    System.setProperty(KAFKA_PORT, Integer.toString(k.port()));
                    System.setProperty(KAFKA_CONTROLLER_PORT, Integer.toString(k.controllerPort()));
                    deleteAtExit(k::stop, d);
                    kafka = k;
                }
            }
            return kafka;
        }
    }

    /** {@code 127.0.0.1:<port>} of the shared broker (starting it on the first call). */
    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The shared PostgreSQL server, started on the first call. A test may {@code stop()} and {@code start()} it. */
    public static LocalPostgres postgres() {
        synchronized (LOCK) {
            if (postgres == null) {
                String dir = System.getProperty(PG_DIR);
                if (dir != null) {
                    postgres = new LocalPostgres(Path.of(dir), Integer.parseInt(System.getProperty(PG_PORT)));
                } else {
                    Path d = newDataDir("infra-postgres-");
                    LocalPostgres pg = new LocalPostgres(d).exitWithJvm(true);
                    pg.start();
                    System.setProperty(PG_DIR, d.toString());
                    System.setProperty(PG_PORT, Integer.toString(pg.port()));
                    deleteAtExit(pg::stop, d);
                    postgres = pg;
                }
            }
            return postgres;
        }
    }

    /** The JDBC URL of a database of the shared server. */
    public static String jdbcUrl(String database) {
        return postgres().jdbcUrl(database);
    }

    /** Creates (if absent) a database of the shared server with its owner. */
    public static void createDatabase(String database, String username, String password) {
        postgres().createDatabase(database, username, password);
    }

    private static Path newDataDir(String prefix) {
        try {
            String root = System.getProperty(DATA_ROOT_PROPERTY);
            if (root != null && !root.isBlank()) {
                Path r = Path.of(root);
                Files.createDirectories(r);
                return Files.createTempDirectory(r, prefix);
            }
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data folder", e);
        }
    }

    private static void deleteAtExit(Runnable stop, Path dir) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                stop.run();
                            } catch (RuntimeException ignored) {
                                // at JVM exit
                            }
                            Procs.deleteRecursively(dir);
                        },
                        "infra-cleanup-" + dir.getFileName()));
    }
}

package cn.gov.disclosure.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (the newest under /usr/lib/postgresql/N/bin, or {@code -Dinfra.postgres.bin} /
 * {@code $INFRA_POSTGRES_BIN}) in a folder of its own, listening on 127.0.0.1 only.
 *
 * <p>Layout of {@link #dir()}: {@code pgdata/} (the cluster, made by initdb), {@code run/} (the unix socket),
 * {@code postgres.log}, {@code postgres.pid} (while running). The superuser is {@code postgres}: password
 * ({@link #superuserPassword()}, SCRAM) over TCP, trust over the unix socket.
 *
 * <p>PostgreSQL refuses to run as root: when this JVM is root the folder is given to the {@code postgres} user and
 * the binaries run through {@code runuser -u postgres --}; otherwise they run as the current user.
 *
 * <p>With {@link #exitWithJvm(boolean) exitWithJvm(true)} (the default) the server never outlives this JVM (shutdown
 * hook, and a watcher process for a killed JVM); {@code exitWithJvm(false)} is for the scripts.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 5432;
    public static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path dir;
    private int port;
    private boolean exitWithJvm = true;
    private boolean durable = false;
    private String superuserPassword = "postgres";
    private final Path binDir;
    private final boolean asRoot;

    private Process watcher;
    private Thread shutdownHook;
    private long lastStartMillis = -1;

    /** A server on a free port (chosen at the first start, kept for restarts). */
    public LocalPostgres(Path dir) {
        this(dir, 0);
    }

    /** A server on a fixed port; 0 means a free port chosen at the first start. */
    public LocalPostgres(Path dir, int port) {
        this.dir = dir.toAbsolutePath().normalize();
        this.port = port;
        this.binDir = findBinDir();
        this.asRoot = Procs.isRoot();
    }

    /** Whether the server dies with this JVM (default true). Set before {@link #start()}. */
    public LocalPostgres exitWithJvm(boolean exitWithJvm) {
        this.exitWithJvm = exitWithJvm;
        return this;
    }

    /** false (default): fsync, synchronous_commit and full_page_writes off, for speed. true for a stack kept for long. */
    public LocalPostgres durable(boolean durable) {
        this.durable = durable;
        return this;
    }

    /** The superuser's password, set at initdb (default "postgres"). */
    public LocalPostgres superuserPassword(String password) {
        this.superuserPassword = password;
        return this;
    }

    public Path dir() {
        return dir;
    }

    public Path dataDir() {
        return dir.resolve("pgdata");
    }

    public Path binDir() {
        return binDir;
    }

    public Path logFile() {
        return dir.resolve("postgres.log");
    }

    Path pidFile() {
        return dir.resolve("postgres.pid");
    }

    public synchronized int port() {
        return port;
    }

    public String host() {
        return Procs.LOOPBACK;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public synchronized String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Procs.LOOPBACK + ":" + port + "/" + database;
    }

    /** {@code postgresql://127.0.0.1:<port>/<database>}, for a reactive (Vert.x) client. */
    public synchronized String reactiveUrl(String database) {
        return "postgresql://" + Procs.LOOPBACK + ":" + port + "/" + database;
    }

    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    /** The unix socket folder: run/ inside the folder, or a short one in /tmp when that path is too long. */
    Path socketDir() {
        Path inside = dir.resolve("run");
        // sockaddr_un holds 107 bytes: "<dir>/.s.PGSQL.<port>"
        if (inside.toString().getBytes(StandardCharsets.UTF_8).length + 20 < 100) {
            return inside;
        }
        return Path.of("/tmp", "infra-pg-" + Integer.toHexString(dir.toString().hashCode()));
    }

    public boolean isRunning() {
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            return false;
        }
        return pg(List.of(bin("pg_ctl"), "status", "-D", dataDir().toString()), Duration.ofSeconds(30))
                .ok();
    }

    /** The postmaster's process, if the server runs. */
    public Optional<ProcessHandle> processHandle() {
        return Procs.readPid(dataDir().resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
    }

    /** Creates the cluster on the first start (initdb), then starts the server and waits for it. */
    public synchronized LocalPostgres start() {
        long t0 = System.nanoTime();
        if (port == 0) {
            port = Procs.freePort();
        }
        try {
            Files.createDirectories(dir);
            Files.createDirectories(socketDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            initdb();
        }
        if (isRunning()) {
            writePidFile();
            return this;
        }
        if (Procs.portOpen(port)) {
            throw new IllegalStateException("Port " + port + " is already in use: cannot start PostgreSQL in " + dir);
        }
        writeConf();
        pgOrFail(
                List.of(
                        bin("pg_ctl"),
                        "start",
                        "-D",
                        dataDir().toString(),
                        "-l",
                        logFile().toString(),
                        "-w",
                        "-t",
                        "120"),
                Duration.ofSeconds(150));
        writePidFile();
        if (exitWithJvm) {
            watcher = Procs.startWatcher(Procs.shellJoin(
                    asPostgres(List.of(bin("pg_ctl"), "stop", "-D", dataDir().toString(), "-m", "immediate"))));
            if (shutdownHook == null) {
                shutdownHook = new Thread(this::stopQuietly, "local-postgres-stop");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }
        lastStartMillis = (System.nanoTime() - t0) / 1_000_000;
        return this;
    }

    /** Stops the server (fast shutdown: clients disconnected, data kept). */
    public synchronized void stop() {
        if (Files.exists(dataDir().resolve("postmaster.pid"))) {
            Procs.Result r = pg(
                    List.of(bin("pg_ctl"), "stop", "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60"),
                    Duration.ofSeconds(90));
            if (!r.ok() && isRunning()) {
                throw new IllegalStateException("pg_ctl stop failed:\n" + r.output());
            }
        }
        Procs.stopWatcher(watcher);
        watcher = null;
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // best effort
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // at JVM exit
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Creates (if absent) a login role with this password (the password is reset if the role exists) and a database
     * owned by it. Names: lower-case letters, digits and '_'.
     */
    public void createDatabase(String database, String user, String password) {
        requireIdentifier(database);
        requireIdentifier(user);
        String pw = password.replace("'", "''");
        psql(
                "postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user + "') THEN "
                        + "CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + pw + "'; ELSE ALTER ROLE \"" + user
                        + "\" LOGIN PASSWORD '" + pw + "'; END IF; END $$;");
        if (!databaseExists(database)) {
            psql("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\" ENCODING 'UTF8'");
        }
    }

    /** Creates a database whose user and password are its name, as the local stack does. */
    public void createDatabase(String database) {
        createDatabase(database, database, database);
    }

    public boolean databaseExists(String database) {
        requireIdentifier(database);
        return "1"
                .equals(psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")
                        .trim());
    }

    /** Drops a database (if present), ending its connections. */
    public void dropDatabase(String database) {
        requireIdentifier(database);
        psql("postgres", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    /** Runs SQL as the superuser through psql over the unix socket; returns psql's unaligned tuples-only output. */
    public String psql(String database, String sql) {
        return pgOrFail(
                List.of(
                        bin("psql"),
                        "-h",
                        socketDir().toString(),
                        "-p",
                        Integer.toString(port),
                        "-U",
                        SUPERUSER,
                        "-d",
                        database,
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-X",
                        "-q",
                        "-t",
                        "-A",
                        "-c",
                        sql),
                Duration.ofSeconds(60));
    }

    private void initdb() {
        try {
            Files.createDirectories(dir);
            Path pwFile = dir.resolve(".pwfile");
            Procs.writeString(pwFile, superuserPassword + "\n");
            giveToPostgres();
            try {
                pgOrFail(
                        List.of(
                                bin("initdb"),
                                "-D",
                                dataDir().toString(),
                                "-U",
                                SUPERUSER,
                                "--pwfile=" + pwFile,
                                "--auth-local=trust",
                                "--auth-host=scram-sha-256",
                                "-E",
                                "UTF8",
                                "--locale=C",
                                "--no-sync"),
                        Duration.ofSeconds(180));
            } finally {
                Files.deleteIfExists(pwFile);
            }
            Path conf = dataDir().resolve("postgresql.conf");
            Files.writeString(
                    conf,
                    "\n# the settings of " + LocalPostgres.class.getName() + "\ninclude 'infra.conf'\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("initdb in " + dir, e);
        }
    }

    /** The port a previous start wrote to {@code pgdata/infra.conf} under {@code dir}, if any. */
    public static OptionalInt persistedPort(Path dir) {
        try {
            for (String line :
                    Files.readAllLines(dir.resolve("pgdata").resolve("infra.conf"), StandardCharsets.UTF_8)) {
                Matcher m = Pattern.compile("^port = (\\d+)$").matcher(line.trim());
                if (m.matches()) {
                    return OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // none yet
        }
        return OptionalInt.empty();
    }

    private void writeConf() {
        String conf = String.join(
                "\n",
                "# written by " + LocalPostgres.class.getName() + " at every start",
                "port = " + port,
                "listen_addresses = '" + Procs.LOOPBACK + "'",
                "unix_socket_directories = '" + socketDir() + "'",
                "max_connections = 200",
                "shared_buffers = 64MB",
                "fsync = " + (durable ? "on" : "off"),
                "synchronous_commit = " + (durable ? "on" : "off"),
                "full_page_writes = " + (durable ? "on" : "off"),
                "timezone = 'UTC'",
                "log_timezone = 'UTC'",
                "");
        Procs.writeString(dataDir().resolve("infra.conf"), conf);
        giveToPostgres();
    }

    private void writePidFile() {
        processHandle().ifPresent(h -> {
            Procs.writeString(pidFile(), h.pid() + "\n");
            giveToPostgres(pidFile());
        });
    }

    /** When root: the folder (and the socket folder) belong to the postgres user, who must reach them. */
    private void giveToPostgres() {
        if (!asRoot) {
            return;
        }
        for (Path p : List.of(dir, socketDir())) {
            try (Stream<Path> all = Files.walk(p)) {
                all.forEach(this::giveToPostgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot give " + p + " to the postgres user", e);
            }
        }
        checkReachable(dir);
    }

    private void giveToPostgres(Path p) {
        if (!asRoot) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(SUPERUSER);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(SUPERUSER);
            PosixFileAttributeView view =
                    Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setOwner(user);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot chown " + p + " to postgres (is there a postgres user?)", e);
        }
    }

    /** Every folder above {@code p} must let others through (o+x), or the postgres user cannot reach its data. */
    private static void checkReachable(Path p) {
        for (Path a = p.getParent(); a != null; a = a.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(a).contains(PosixFilePermission.OTHERS_EXECUTE)
                        && !SUPERUSER.equals(Files.getOwner(a).getName())) {
                    throw new IllegalStateException("The postgres user cannot reach " + p + ": " + a
                            + " is not o+x (chmod o+x " + a + ", or put the data elsewhere)");
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private List<String> asPostgres(List<String> command) {
        if (!asRoot) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of("runuser", "-u", SUPERUSER, "--"));
        c.addAll(command);
        return c;
    }

    private Procs.Result pg(List<String> command, Duration timeout) {
        return Procs.run(asPostgres(command), dir, timeout);
    }

    private String pgOrFail(List<String> command, Duration timeout) {
        Procs.Result r = pg(command, timeout);
        if (!r.ok()) {
            String log =
                    command.get(0).endsWith("pg_ctl") ? "\n" + logFile() + ":\n" + Procs.tail(logFile(), 4000) : "";
            throw new IllegalStateException("Command failed (exit " + r.exitCode() + "): " + String.join(" ", command)
                    + "\n" + r.output() + log);
        }
        return r.output();
    }

    private String bin(String name) {
        return binDir.resolve(name).toString();
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
        }
    }

    /** The newest /usr/lib/postgresql/N/bin holding initdb, unless -Dinfra.postgres.bin or $INFRA_POSTGRES_BIN says. */
    static Path findBinDir() {
        String override = System.getProperty("infra.postgres.bin", System.getenv("INFRA_POSTGRES_BIN"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException(
                            "No PostgreSQL server under " + root + " (apt-get install postgresql)"));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL server under " + root + " (apt-get install postgresql)", e);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + Procs.LOOPBACK + ":" + port + ", " + dir + ", " + binDir + "]";
    }
}

package cn.gov.disclosure.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller), run in a child JVM from
 * Kafka's own jars (org.apache.kafka:kafka_2.13, the version of the Quarkus BOM). The child's classpath is the
 * {@code kafka.classpath} resource the build writes next to this class.
 *
 * <p>Layout of {@link #dataDir()}: {@code server.properties}, {@code log4j2.properties}, {@code kafka.log} (the
 * broker's log, appended across restarts), {@code kafka.pid} (while running), {@code logs/} (the log.dirs: topics
 * and the KRaft metadata). {@link #stop()} then {@link #start()} reuses the same ports and data: records survive.
 *
 * <p>With {@link #exitWithJvm(boolean) exitWithJvm(true)} (the default) the broker never outlives this JVM: a
 * shutdown hook stops it, and a watcher process kills it if this JVM is killed. {@code exitWithJvm(false)} is for
 * the scripts: the broker keeps running after the JVM that started it exits and is stopped by pid file.
 */
public final class LocalKafka implements AutoCloseable {

    /** The default ports of the local stack (tests use free ports). */
    public static final int DEFAULT_PORT = 9092;

    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    static final String CLASSPATH_RESOURCE = "kafka.classpath";
    private static final String STARTED_MARKER = "Kafka Server started";

    private final Path dataDir;
    private int port;
    private int controllerPort;
    private boolean exitWithJvm = true;
    private String maxHeap = "512m";
    private Duration startTimeout = Duration.ofSeconds(120);
    private Duration stopTimeout = Duration.ofSeconds(60);

    private Process process;
    private Process watcher;
    private Thread shutdownHook;
    private long lastStartMillis = -1;

    /** A broker on free ports (chosen at the first start, kept for restarts). */
    public LocalKafka(Path dataDir) {
        this(dataDir, 0, 0);
    }

    /** A broker on fixed ports; 0 means a free port chosen at the first start. */
    public LocalKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Whether the broker dies with this JVM (default true). Set before {@link #start()}. */
    public LocalKafka exitWithJvm(boolean exitWithJvm) {
        this.exitWithJvm = exitWithJvm;
        return this;
    }

    /** The child JVM's -Xmx (default 512m). */
    public LocalKafka maxHeap(String maxHeap) {
        this.maxHeap = maxHeap;
        return this;
    }

    public LocalKafka startTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The PLAINTEXT (client) port; 0 before the first start on a free port. */
    public synchronized int port() {
        return port;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code kafka.bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        return Procs.LOOPBACK + ":" + port;
    }

    /** Milliseconds the last {@link #start()} took to bring the broker up, -1 if it never did. */
    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    public Path logFile() {
        return dataDir.resolve("kafka.log");
    }

    Path pidFile() {
        return dataDir.resolve("kafka.pid");
    }

    Path logDirs() {
        return dataDir.resolve("logs");
    }

    /** The running broker's process, whether this object started it or another JVM did (found by pid file). */
    public synchronized Optional<ProcessHandle> processHandle() {
        if (process != null && process.isAlive()) {
            return Optional.of(process.toHandle());
        }
        return Procs.readPid(pidFile()).flatMap(ProcessHandle::of).filter(LocalKafka::isKafkaProcess);
    }

    /** Whether {@code h} is alive and is a broker (its command line names kafka.Kafka), against a reused pid. */
    static boolean isKafkaProcess(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        // /proc/<pid>/cmdline, read whole (ProcessHandle.Info gives up on command lines over 4 KiB)
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0")).contains("kafka.Kafka");
        } catch (IOException | RuntimeException e) {
            Optional<String[]> args = h.info().arguments();
            return args.isEmpty() || List.of(args.get()).contains("kafka.Kafka");
        }
    }

    public boolean isRunning() {
        return processHandle().isPresent();
    }

    /**
     * Starts the broker and returns once it serves clients ("Kafka Server started" logged and the port open).
     * Formats the storage on the first start. Does nothing if the broker already runs.
     */
    public synchronized LocalKafka start() {
        if (isRunning()) {
            return this;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(logDirs());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDirs(), e);
        }
        if (port == 0) {
            port = Procs.freePort();
        }
        if (controllerPort == 0) {
            do {
                controllerPort = Procs.freePort();
            } while (controllerPort == port);
        }
        if (Procs.portOpen(port)) {
            throw new IllegalStateException("Port " + port + " is already in use: cannot start Kafka in " + dataDir);
        }
        if (Procs.portOpen(controllerPort)) {
            throw new IllegalStateException("Controller port " + controllerPort + " is already in use");
        }
        Path serverProperties = dataDir.resolve("server.properties");
        Procs.writeString(serverProperties, serverProperties());
        Procs.writeString(dataDir.resolve("log4j2.properties"), LOG4J2);
        String classpath = childClasspath();
        if (!Files.exists(logDirs().resolve("meta.properties"))) {
            format(classpath, serverProperties);
        }

        long logOffset = fileSize(logFile());
        List<String> cmd = javaCommand(classpath);
        cmd.add("kafka.Kafka");
        cmd.add(serverProperties.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka JVM: " + String.join(" ", cmd), e);
        }
        long pid = process.pid();
        Procs.writeString(pidFile(), pid + "\n");
        if (exitWithJvm) {
            watcher = Procs.startWatcher("kill -TERM " + pid + " 2>/dev/null; i=0; while kill -0 " + pid
                    + " 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i+1)); done; kill -KILL " + pid
                    + " 2>/dev/null");
            if (shutdownHook == null) {
                shutdownHook = new Thread(this::stopQuietly, "local-kafka-stop");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }
        awaitStarted(logOffset);
        lastStartMillis = (System.nanoTime() - t0) / 1_000_000;
        return this;
    }

    private void awaitStarted(long logOffset) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                Procs.stopWatcher(watcher);
                watcher = null;
                deletePidFile();
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + " while starting; "
                        + logFile() + ":\n" + Procs.tail(logFile(), 6000));
            }
            if (logContainsAfter(logOffset, STARTED_MARKER) && Procs.portOpen(port)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                stopQuietly();
                throw new IllegalStateException("Kafka did not start within " + startTimeout + "; " + logFile() + ":\n"
                        + Procs.tail(logFile(), 6000));
            }
            sleep(100);
        }
    }

    private boolean logContainsAfter(long offset, String marker) {
        try {
            byte[] all = Files.readAllBytes(logFile());
            if (all.length <= offset) {
                return false;
            }
            return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker (SIGTERM: a clean shutdown; SIGKILL after 60 s) and returns once its port is closed. */
    public synchronized void stop() {
        Optional<ProcessHandle> h = processHandle();
        h.ifPresent(p -> Procs.stopTree(p, stopTimeout));
        Procs.stopWatcher(watcher);
        watcher = null;
        process = null;
        deletePidFile();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (port != 0 && Procs.portOpen(port) && System.nanoTime() < deadline) {
            sleep(100);
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

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // best effort
        }
    }

    private void format(String classpath, Path serverProperties) {
        List<String> cmd = javaCommand(classpath);
        cmd.addAll(List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                newClusterId(),
                "-c",
                serverProperties.toString(),
                "--ignore-formatted"));
        Procs.runOrFail(cmd, dataDir, Duration.ofSeconds(120));
    }

    /** java + its options; the options and the long classpath go through an @argfile (a short, readable ps line). */
    private List<String> javaCommand(String classpath) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + maxHeap);
        options.add("-Xms64m");
        options.add("-XX:+UseSerialGC");
        options.add("-XX:TieredStopAtLevel=1");
        options.add("-Xshare:auto");
        options.add("-Djava.awt.headless=true");
        options.add("-Dlog4j2.configurationFile="
                + dataDir.resolve("log4j2.properties").toUri());
        options.add("-Dkafka.logs.dir=" + dataDir);
        options.add("-cp");
        options.add(classpath);
        StringBuilder argFile = new StringBuilder();
        for (String o : options) {
            argFile.append('"')
                    .append(o.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        Path jvmArgs = dataDir.resolve("jvm.args");
        Procs.writeString(jvmArgs, argFile.toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("@" + jvmArgs);
        return cmd;
    }

    private static String javaExecutable() {
        String override = System.getProperty("infra.kafka.java", System.getenv("INFRA_KAFKA_JAVA"));
        if (override != null && !override.isBlank()) {
            return override;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The broker JVM's classpath: the jars the build listed in {@code kafka.classpath}, each checked to exist. */
    static String childClasspath() {
        String raw;
        try (InputStream in = LocalKafka.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + CLASSPATH_RESOURCE + " resource next to " + LocalKafka.class
                        + ": build deploy/infra with ./mvnw (it writes the broker's classpath)");
            }
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        for (String entry : raw.split(":")) {
            if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka jars missing (run ./mvnw -pl deploy/infra -am install): " + missing);
        }
        return raw;
    }

    /**
     * The ports a previous start wrote to {@code server.properties} in {@code dataDir}: {client, controller}, or
     * empty. Lets a tool that did not start the broker (a status or stop command) report the right ports.
     */
    public static Optional<int[]> persistedPorts(Path dataDir) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("server.properties"))) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("PLAINTEXT://[^:,]+:(\\d+),CONTROLLER://[^:,]+:(\\d+)")
                .matcher(p.getProperty("listeners", ""));
        return m.find()
                ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                : Optional.empty();
    }

    String serverProperties() {
        return String.join(
                "\n",
                "# written by " + LocalKafka.class.getName() + " at every start",
                "node.id=1",
                "process.roles=broker,controller",
                "controller.quorum.voters=1@" + Procs.LOOPBACK + ":" + controllerPort,
                "listeners=PLAINTEXT://" + Procs.LOOPBACK + ":" + port + ",CONTROLLER://" + Procs.LOOPBACK + ":"
                        + controllerPort,
                "advertised.listeners=PLAINTEXT://" + Procs.LOOPBACK + ":" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirs(),
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=-1",
                "log.segment.bytes=16777216",
                "");
    }

    /** A cluster id as Kafka's Uuid prints it: 16 random bytes, base64url without padding, not starting with '-'. */
    static String newClusterId() {
        while (true) {
            UUID u = UUID.randomUUID();
            ByteBuffer b =
                    ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static long fileSize(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", controller " + controllerPort + ", " + dataDir + "]";
    }

    private static final String LOG4J2 = String.join(
            "\n",
            "# written by " + LocalKafka.class.getName() + ": the broker logs to stdout, which goes to kafka.log",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = OUT",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.out.ref = OUT",
            "logger.config.name = org.apache.kafka.common.config",
            "logger.config.level = WARN",
            "logger.state.name = state.change.logger",
            "logger.state.level = WARN",
            "logger.request.name = kafka.request.logger",
            "logger.request.level = WARN",
            "");
}

package cn.gov.disclosure.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the platform's Quarkus applications as a real child process: {@code java -jar
 * <module>/target/quarkus-app/quarkus-run.jar} with its configuration as system properties, on 127.0.0.1, its
 * console appended to a log file. {@link #start()} returns once {@code /q/health/ready} answers 200. It can be
 * stopped cleanly ({@link #stop()}, SIGTERM), killed ({@link #kill()}, SIGKILL, as a crash) and started again on the
 * same port and working folder. A watcher process kills it if this JVM dies: nothing outlives the caller.
 */
public final class LocalService implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path workDir;
    private final int port;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions =
            new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    private String readyPath = "/q/health/ready";
    private Duration startTimeout = Duration.ofSeconds(180);
    private Process process;
    private Process watcher;
    private long lastStartMillis;

    /**
     * @param name    a short name (the log file is {@code <workDir>/<name>.log})
     * @param jar     the application's {@code quarkus-run.jar}
     * @param workDir its working folder (created)
     * @param port    its HTTP port; 0 for a free one
     */
    public LocalService(String name, Path jar, Path workDir, int port) {
        this.name = name;
        this.jar = jar;
        this.workDir = workDir;
        this.port = port == 0 ? Procs.freePort() : port;
        property("quarkus.http.host", Procs.LOOPBACK);
        property("quarkus.http.port", Integer.toString(this.port));
    }

    /** The jar of a module of this repository: {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar}. */
    public static Path jarOf(Path repoDir, String module) {
        return repoDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public LocalService property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public LocalService properties(Map<String, String> values) {
        properties.putAll(values);
        return this;
    }

    /** Replaces the default JVM options ({@code -Xmx256m}, serial GC, C1 only). */
    public LocalService jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /** The path that answers 200 once the application is ready ({@code /q/health/ready}; the portal: {@code /}). */
    public LocalService readyPath(String path) {
        this.readyPath = path;
        return this;
    }

    public LocalService startTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://" + Procs.LOOPBACK + ":" + port;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logFile() {
        return workDir.resolve(name + ".log");
    }

    /** How long the last {@link #start()} took until ready, in milliseconds. */
    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    public synchronized Optional<ProcessHandle> processHandle() {
        return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    public boolean isRunning() {
        return processHandle().isPresent();
    }

    /** Starts the process and waits until it is ready; does nothing if it runs. */
    public synchronized LocalService start() {
        launch();
        awaitReady();
        return this;
    }

    /** Starts the process without waiting (several can then start in parallel); {@link #awaitReady()} waits. */
    public synchronized LocalService launch() {
        if (isRunning()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    name + ": " + jar + " does not exist; build it first (./mvnw -DskipTests package)");
        }
        if (Procs.portOpen(port)) {
            throw new IllegalStateException(name + ": port " + port + " is already in use");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // as the services ship (deploy/service-jvm.options): two malloc arenas instead of eight per core, about 40 MiB
        // less resident memory per JVM for no measurable CPU
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot start " + String.join(" ", cmd), e);
        }
        long pid = process.pid();
        watcher = Procs.startWatcher("kill -KILL " + pid + " 2>/dev/null");
        lastStartMillis = -System.nanoTime();
        return this;
    }

    /** Waits until the ready path answers 200. */
    public LocalService awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        long deadline = t0 + startTimeout.toNanos();
        while (true) {
            Process p;
            synchronized (this) {
                p = process;
            }
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(
                        name + " exited while starting; " + logFile() + ":\n" + Procs.tail(logFile(), 6000));
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + readyPath))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    synchronized (this) {
                        if (lastStartMillis < 0) {
                            lastStartMillis = (System.nanoTime() + lastStartMillis) / 1_000_000;
                        }
                    }
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while waiting", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + startTimeout + "; " + logFile() + ":\n"
                        + Procs.tail(logFile(), 6000));
            }
            sleep(250);
        }
    }

    /** Stops it cleanly (SIGTERM; SIGKILL after 30 s) and waits until it is gone. */
    public synchronized void stop() {
        processHandle().ifPresent(h -> Procs.stopTree(h, Duration.ofSeconds(30)));
        ended();
    }

    /** Kills it at once (SIGKILL), as a crash would: no shutdown hook, nothing flushed. */
    public synchronized void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ended();
    }

    private void ended() {
        Procs.stopWatcher(watcher);
        watcher = null;
        process = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Procs.portOpen(port) && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    /** The peak resident memory of the process so far (VmHWM), in bytes; 0 when it does not run. */
    public long peakResidentBytes() {
        return processHandle().map(h -> ProcessStats.peakResidentBytes(h.pid())).orElse(0L);
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "@" + baseUrl();
    }
}

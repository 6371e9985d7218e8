package cn.gov.disclosure.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Process, port and file helpers shared by {@link LocalKafka} and {@link LocalPostgres}. */
final class Procs {

    static final String LOOPBACK = "127.0.0.1";

    private Procs() {}

    /** The result of a finished command: exit code and its merged stdout/stderr. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Whether this JVM runs as root (uid 0), read from the owner of /proc/self. */
    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** A TCP port on 127.0.0.1 free at the time of the call. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command to its end (at most {@code timeout}), merging stdout and stderr. */
    static Result run(List<String> command, Path workDir, Duration timeout) {
        Path out = null;
        try {
            // output to a file, not a pipe: a daemon the command starts (pg_ctl start) must not hold our pipe open
            out = Files.createTempFile("infra-cmd-", ".out");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    /** Like {@link #run} but fails with the command's output when it exits non-zero. */
    static String runOrFail(List<String> command, Path workDir, Duration timeout) {
        Result r = run(command, workDir, timeout);
        if (!r.ok()) {
            throw new IllegalStateException(
                    "Command failed (exit " + r.exitCode() + "): " + String.join(" ", command) + "\n" + r.output());
        }
        return r.output();
    }

    /** Stops a process and its descendants: SIGTERM, then SIGKILL after {@code grace}. Returns when all are gone. */
    static void stopTree(ProcessHandle process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        process.descendants().forEach(all::add);
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // killed below
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // nothing more to do
                }
            }
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            String s = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
            int nl = s.indexOf('\n');
            return Optional.of(Long.parseLong(nl < 0 ? s : s.substring(0, nl).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void writeString(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }

    /** Quotes a word for sh. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    static String shellJoin(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(shellQuote(w));
        }
        return b.toString();
    }

    /** The last {@code maxChars} characters of a text file, for error messages. */
    static String tail(Path file, int maxChars) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() <= maxChars ? s : "..." + s.substring(s.length() - maxChars);
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    /**
     * Starts a watcher: a {@code sh} child of this JVM that waits for its stdin to close (which happens when this JVM
     * dies, however it dies) and then runs {@code onJvmDeath}. Keeps a strong reference to the process for the JVM's
     * life (a collected Process would close the pipe).
     */
    static Process startWatcher(String onJvmDeath) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "read _ignored; " + onJvmDeath)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            WATCHERS.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start watcher", e);
        }
    }

    static void stopWatcher(Process watcher) {
        if (watcher != null) {
            WATCHERS.remove(watcher);
            watcher.destroyForcibly();
        }
    }

    private static final List<Process> WATCHERS = Collections.synchronizedList(new ArrayList<>());
}

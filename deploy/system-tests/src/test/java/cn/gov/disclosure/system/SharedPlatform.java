package cn.gov.disclosure.system;

import cn.gov.disclosure.system.load.SyntheticProvince;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * One platform for the test classes of this module, started on first use and stopped when the test JVM ends (its
 * watchers stop the processes if the JVM is killed). The classes run in a fixed order (junit-platform.properties,
 * {@code @Order}): the end-to-end flow first, then what attacks or breaks the platform it left.
 */
final class SharedPlatform {

    /** Townships of a synthetic province (codes 99…), besides deploy/organisations.json's. */
    static final SyntheticProvince PROVINCE = new SyntheticProvince(400);

    /** The SMTP server the shared platform's review service sends its reminders to. */
    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GreenMail mail =
                    new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            free.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace collector the shared platform's services export their spans to. */
    static final OtlpReceiver TRACES = OtlpReceiver.start();

    private static LocalPlatform platform;

    private SharedPlatform() {}

    static synchronized LocalPlatform get() {
        if (platform == null) {
            Path repo = repo();
            try {
                Path data = dataDir("platform-" + System.currentTimeMillis());
                System.out.println("[platform] data and logs in " + data);
                // the organisations of deploy/ (the seeds' townships) and a small synthetic province (the drill's)
                Path registry =
                        PROVINCE.write(data.resolve("organisations.json"), repo.resolve("deploy/organisations.json"));
                // the spans of every service go to a collector named at run time (TraceExport)
                // and review's reminders to a real SMTP server of this JVM, looked for every 2 s
                platform = LocalPlatform.start(
                        repo,
                        data,
                        null,
                        Map.ofEntries(
                                Map.entry("registry.file", registry.toString()),
                                Map.entry("tracing.otlp.endpoint", TRACES.endpoint()),
                                Map.entry("quarkus.otel.bsp.schedule.delay", "500ms"),
                                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                                Map.entry(
                                        "quarkus.mailer.port",
                                        String.valueOf(MAIL.getSmtp().getPort())),
                                Map.entry("reminders.waiting-after", "PT3S"),
                                Map.entry("reminders.interval", "2s"),
                                Map.entry("reminders.delay", "2s"),
                                Map.entry("reminders.relay-interval", "1s")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalPlatform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-platform-stop"));
        }
        return platform;
    }

    /**
     * Under target/ (kept with the build for the logs) when the PostgreSQL server's user can reach it; when the
     * checkout lives under a folder others cannot enter (a root user's home, mode 0700), under /tmp in a folder of
     * its own that they can (a temporary directory would be 0700 too).
     */
    static Path dataDir(String name) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path base = reachableByOthers(target) ? target : Path.of("/tmp");
        Path dir = Files.createDirectories(base.resolve(base == target ? name : "annual-report-" + name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static boolean reachableByOthers(Path p) {
        for (Path a = p; a != null; a = a.getParent()) {
            try {
                if (Files.exists(a) && !Files.getPosixFilePermissions(a).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    static Path repo() {
        return Path.of(System.getProperty("repo.dir", "../..")).toAbsolutePath().normalize();
    }
}

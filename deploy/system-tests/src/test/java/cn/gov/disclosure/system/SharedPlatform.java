package cn.gov.disclosure.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cn.gov.disclosure.system.load.SyntheticProvince;

/**
 * One platform for the test classes of this module, started on first use and stopped when the test JVM ends (its
 * watchers stop the processes if the JVM is killed). The classes run in a fixed order (junit-platform.properties,
 * {@code @Order}): the end-to-end flow first, then what attacks or breaks the platform it left.
 */
final class SharedPlatform {

    /** Townships of a synthetic province (codes 99…), besides deploy/organisations.json's. */
    static final SyntheticProvince PROVINCE = new SyntheticProvince(400);

    private static LocalPlatform platform;

    private SharedPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            Path repo = repo();
            try {
                // under target/ (kept for the logs; the postgres user must be able to reach it, which /tmp's
                // private folders do not allow)
                Path data = Files.createDirectories(Path.of("target", "platform-" + System.currentTimeMillis()))
                        .toAbsolutePath();
                // the organisations of deploy/ (the seeds' townships) and a small synthetic province (the drill's)
                Path registry = PROVINCE.write(data.resolve("organisations.json"), repo.resolve("deploy/organisations.json"));
                platform = LocalPlatform.start(repo, data, null, Map.of("registry.file", registry.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalPlatform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-platform-stop"));
        }
        return platform;
    }

    static Path repo() {
        return Path.of(System.getProperty("repo.dir", "../..")).toAbsolutePath().normalize();
    }
}

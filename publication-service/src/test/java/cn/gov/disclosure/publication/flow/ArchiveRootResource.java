package cn.gov.disclosure.publication.flow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh archive folder per test run ({@code archive.root}), under target/ so that it is easy to look at. */
public class ArchiveRootResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path base = Path.of("target");
            Files.createDirectories(base);
            Path root = Files.createTempDirectory(base.toAbsolutePath(), "archive-");
            return Map.of("archive.root", root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}

package cn.gov.disclosure.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The five seed reports (their text, {@code contracts/src/test/resources/seeds}) and the township that submits each:
 * the same townships and users as deploy/keycloak's realm and deploy/services.sh's {@code seeds}.
 */
public final class Seeds {

    /** A seed report, its township (organisation code and user) and county. */
    public record Seed(String prefix, String user, String organisationCode, String text) {
        public String countyCode() {
            return organisationCode.substring(0, 6);
        }
    }

    /** seed file prefix, township user, organisation code */
    private static final String[][] TOWNSHIPS = {
        {"000", "zimao", "350582107"},
        {"001", "nankou", "110114102"},
        {"002", "changfu", "360982103"},
        {"003", "hongxing", "230724100"},
        {"004", "huimeng", "410308101"},
    };

    private Seeds() {}

    public static List<Seed> load(Path repoDir) {
        Path dir = repoDir.resolve("contracts/src/test/resources/seeds");
        return Stream.of(TOWNSHIPS)
                .map(t -> new Seed(t[0], t[1], t[2], text(dir, t[0])))
                .toList();
    }

    private static String text(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix + "_"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed " + prefix + " in " + dir));
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

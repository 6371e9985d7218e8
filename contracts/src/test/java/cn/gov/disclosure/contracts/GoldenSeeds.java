package cn.gov.disclosure.contracts;

import cn.gov.disclosure.contracts.model.AnnualReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The five seed reports and their hand-written golden transcriptions, for any module's tests (this class is in the
 * contracts test-jar).
 *
 * <ul>
 *   <li>{@link #seedText(int)}: the seed as text, from the classpath ({@code seeds/}, a copy of {@code shared/seeds})
 *       or, failing that, from a {@code shared/seeds} folder found by walking up from the working directory;</li>
 *   <li>{@link #json(int)}: the golden JSON ({@code golden/seed-00n.json});</li>
 *   <li>{@link #load(int)}: the golden JSON read into an {@link AnnualReport} with {@link ContractsJson#mapper()}.</li>
 * </ul>
 */
public final class GoldenSeeds {

    /** Number of seeds: 0 … 4. */
    public static final int COUNT = 5;

    private static final List<String> SEED_FILES = List.of(
            "000_c7348176eda313db.txt",
            "001_33d9a2cca242d0d3.txt",
            "002_00f1423fd5e449a8.txt",
            "003_7c44bb757eda1ba7.txt",
            "004_f343fc82610760f0.txt");

    private GoldenSeeds() {}

    /** 0 … {@link #COUNT} − 1, for parameterised tests ({@code @MethodSource}). */
    public static IntStream numbers() {
        return IntStream.range(0, COUNT);
    }

    /** The file name of seed {@code n} in {@code shared/seeds}, e.g. {@code 000_c7348176eda313db.txt}. */
    public static String seedFileName(int n) {
        check(n);
        return SEED_FILES.get(n);
    }

    /** The golden report of seed {@code n}. */
    public static AnnualReport load(int n) {
        try {
            return ContractsJson.mapper().readValue(json(n), AnnualReport.class);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "golden/" + goldenFileName(n) + " is not an AnnualReport: " + e.getMessage(), e);
        }
    }

    /** All golden reports, in seed order. */
    public static List<AnnualReport> loadAll() {
        return numbers().mapToObj(GoldenSeeds::load).toList();
    }

    /** The golden JSON text of seed {@code n}. */
    public static String json(int n) {
        check(n);
        return classpathText("golden/" + goldenFileName(n))
                .orElseThrow(
                        () -> new IllegalStateException("golden/" + goldenFileName(n) + " is not on the classpath"));
    }

    /** {@code seed-00n.json}. */
    public static String goldenFileName(int n) {
        check(n);
        return String.format("seed-%03d.json", n);
    }

    /** The seed's text exactly as in {@code shared/seeds} (UTF-8). */
    public static String seedText(int n) {
        check(n);
        return classpathText("seeds/" + SEED_FILES.get(n))
                .or(() -> sharedSeedsDirectory().map(dir -> read(dir.resolve(SEED_FILES.get(n)))))
                .orElseThrow(() -> new IllegalStateException("seed " + SEED_FILES.get(n)
                        + " is neither on the classpath (seeds/) nor in a shared/seeds folder above "
                        + Path.of("").toAbsolutePath()));
    }

    /**
     * The {@code shared/seeds} folder, found by walking up from the working directory and looking, at each level, for
     * {@code shared/seeds} and {@code ../shared/seeds} (the repository is checked out next to {@code shared}).
     */
    public static Optional<Path> sharedSeedsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Stream<Path> candidates = dir.getParent() == null
                    ? Stream.of(dir.resolve("shared/seeds"))
                    : Stream.of(dir.resolve("shared/seeds"), dir.getParent().resolve("shared/seeds"));
            Optional<Path> found = candidates
                    .filter(p -> Files.isRegularFile(p.resolve(SEED_FILES.get(0))))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> classpathText(String resource) {
        try (InputStream in = GoldenSeeds.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(int n) {
        if (n < 0 || n >= COUNT) {
            throw new IllegalArgumentException("no seed " + n + " (0 … " + (COUNT - 1) + ")");
        }
    }
}

package cn.gov.disclosure.publication.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Recomputes every checksum of every package of an archive folder and reports the packages that no longer match
 * (a changed, missing or added payload file, a changed tag file, a wrong Payload-Oxum). JDK only; also a command:
 * {@code java -cp publication-service/target/classes cn.gov.disclosure.publication.archive.BagVerifier <archive.root>}
 * (exit status 0: every package matches; 1: some do not; 2: usage).
 */
public final class BagVerifier {

    private final Path root;

    public BagVerifier(Path root) {
        this.root = root;
    }

    /** One package's result; {@code problems} in Chinese with English beside. */
    public record PackageResult(String id, boolean valid, List<String> problems) {
        public PackageResult {
            problems = List.copyOf(problems);
        }
    }

    /** The whole archive's result. */
    public record Report(String root, Instant checkedAt, int packages, int valid, List<PackageResult> invalid) {
        public Report {
            invalid = List.copyOf(invalid);
        }

        public boolean allValid() {
            return invalid.isEmpty();
        }
    }

    public Report verifyAll() {
        List<PackageResult> invalid = new ArrayList<>();
        int packages = 0;
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path bag : dirs.filter(Files::isDirectory)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .toList()) {
                    packages++;
                    PackageResult r = verify(bag);
                    if (!r.valid()) {
                        invalid.add(r);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the archive " + root, e);
            }
        }
        return new Report(
                root.toAbsolutePath().toString(), Instant.now(), packages, packages - invalid.size(), invalid);
    }

    public PackageResult verify(Path bag) {
        String id = bag.getFileName().toString();
        List<String> problems = new ArrayList<>();
        try {
            Path bagit = bag.resolve(BagWriter.BAGIT_TXT);
            if (!Files.isRegularFile(bagit)
                    || !Files.readString(bagit, StandardCharsets.UTF_8).startsWith("BagIt-Version: ")) {
                problems.add("bagit.txt 缺失或无效 / bagit.txt missing or invalid");
            }
            Map<String, String> manifest = readManifest(bag.resolve(BagWriter.MANIFEST), problems);
            long octets = 0;
            for (Map.Entry<String, String> e : manifest.entrySet()) {
                Path file = bag.resolve(e.getKey()).normalize();
                if (!file.startsWith(bag.resolve("data"))) {
                    problems.add(e.getKey() + ": 不在 data/ 下 / outside the payload");
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    problems.add(e.getKey() + ": 文件缺失 / file missing");
                    continue;
                }
                octets += Files.size(file);
                String actual = BagWriter.sha256(file);
                if (!actual.equalsIgnoreCase(e.getValue())) {
                    problems.add(e.getKey() + ": 校验和不符 / checksum mismatch (manifest " + e.getValue() + ", actual "
                            + actual + ")");
                }
            }
            Set<String> listed = manifest.keySet();
            Path data = bag.resolve("data");
            if (Files.isDirectory(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    Set<String> extra = new TreeSet<>();
                    files.filter(Files::isRegularFile)
                            .map(p -> bag.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> !listed.contains(p))
                            .forEach(extra::add);
                    extra.forEach(p -> problems.add(p + ": 未列入清单 / not in the manifest"));
                }
            }
            Map<String, String> tags = readManifest(bag.resolve(BagWriter.TAG_MANIFEST), problems);
            for (Map.Entry<String, String> e : tags.entrySet()) {
                Path file = bag.resolve(e.getKey()).normalize();
                if (!file.getParent().equals(bag.normalize()) || !Files.isRegularFile(file)) {
                    problems.add(e.getKey() + ": 标签文件缺失 / tag file missing");
                } else if (!BagWriter.sha256(file).equalsIgnoreCase(e.getValue())) {
                    problems.add(e.getKey() + ": 标签文件校验和不符 / tag file checksum mismatch");
                }
            }
            String oxum = bagInfo(bag).get("Payload-Oxum");
            String actualOxum = octets + "." + manifest.size();
            if (oxum == null) {
                problems.add("bag-info.txt: 缺少 Payload-Oxum / Payload-Oxum missing");
            } else if (!oxum.equals(actualOxum)) {
                problems.add(
                        "bag-info.txt: Payload-Oxum 不符 / Payload-Oxum mismatch (" + oxum + " vs " + actualOxum + ")");
            }
        } catch (IOException e) {
            problems.add("无法读取 / unreadable: " + e.getMessage());
        }
        return new PackageResult(id, problems.isEmpty(), problems);
    }

    /** The labels and values of a package's bag-info.txt (continuation lines joined). */
    public static Map<String, String> bagInfo(Path bag) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        Path file = bag.resolve(BagWriter.BAG_INFO_TXT);
        if (!Files.isRegularFile(file)) {
            return info;
        }
        String last = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                info.put(last, info.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                last = line.substring(0, colon).strip();
                info.put(last, line.substring(colon + 1).strip());
            }
        }
        return info;
    }

    private static Map<String, String> readManifest(Path file, List<String> problems) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + " 缺失 / missing");
            return out;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                problems.add(file.getFileName() + " 第 " + n + " 行无效 / line " + n + " invalid");
                continue;
            }
            out.put(parts[1].replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%"), parts[0]);
        }
        return out;
    }

    public static void main(String[] args) {
        String rootArg = args.length > 0 ? args[0] : System.getenv("ARCHIVE_ROOT");
        if (rootArg == null || rootArg.isBlank()) {
            System.err.println("usage: BagVerifier <archive.root>   (or set ARCHIVE_ROOT)");
            System.exit(2);
        }
        Report r = new BagVerifier(Path.of(rootArg)).verifyAll();
        System.out.printf(
                "archive %s: %d packages, %d valid, %d invalid%n",
                r.root(), r.packages(), r.valid(), r.invalid().size());
        for (PackageResult p : r.invalid()) {
            System.out.println("INVALID " + p.id());
            p.problems().forEach(x -> System.out.println("  " + x));
        }
        System.exit(r.allValid() ? 0 : 1);
    }
}

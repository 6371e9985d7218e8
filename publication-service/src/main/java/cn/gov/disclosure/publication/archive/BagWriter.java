package cn.gov.disclosure.publication.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes BagIt packages (RFC 8493, BagIt 1.0, SHA-256) into an archive folder, each exactly once: the bag is built in
 * a staging folder ({@code <root>/.staging}), then moved into place with one atomic rename; a package that exists is
 * never overwritten ({@link PackageExistsException}). The payload files are made read-only. JDK only.
 */
public final class BagWriter {

    public static final String BAGIT_TXT = "bagit.txt";
    public static final String BAG_INFO_TXT = "bag-info.txt";
    public static final String MANIFEST = "manifest-sha256.txt";
    public static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
    public static final String STAGING = ".staging";

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]*$");

    private final Path root;

    public BagWriter(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Thrown when a package of that id is already in the archive: it is never overwritten. */
    public static final class PackageExistsException extends IOException {
        private final String id;

        public PackageExistsException(String id) {
            super("archive package " + id + " exists and is never overwritten");
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * Writes a new package.
     *
     * @param id       the package's folder name
     * @param payload  the payload files by their path under {@code data/}
     * @param bagInfo  the bag-info.txt metadata, in order ({@code Bagging-Date} and {@code Payload-Oxum} are added)
     * @return the package's folder
     */
    public Path write(String id, Map<String, byte[]> payload, Map<String, String> bagInfo, LocalDate baggingDate)
            throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a package id: " + id);
        }
        Path target = root.resolve(id);
        if (Files.exists(target)) {
            throw new PackageExistsException(id);
        }
        Path staging = root.resolve(STAGING);
        Files.createDirectories(staging);
        Path tmp = Files.createTempDirectory(staging, id + "-");
        try {
            Map<String, String> manifest = new TreeMap<>();
            long octets = 0;
            for (Map.Entry<String, byte[]> f : payload.entrySet()) {
                if (!NAME.matcher(f.getKey()).matches() || f.getKey().contains("..")) {
                    throw new IllegalArgumentException("not a payload file name: " + f.getKey());
                }
                String path = "data/" + f.getKey();
                manifest.put(path, writeFile(tmp.resolve(path), f.getValue()));
                octets += f.getValue().length;
            }
            writeFile(
                    tmp.resolve(BAGIT_TXT),
                    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
            Map<String, String> info = new LinkedHashMap<>(bagInfo);
            info.put("Bagging-Date", baggingDate.toString());
            info.put("Payload-Oxum", octets + "." + payload.size());
            StringBuilder infoText = new StringBuilder();
            info.forEach((k, v) ->
                    infoText.append(label(k)).append(": ").append(value(v)).append('\n'));
            Map<String, String> tags = new TreeMap<>();
            tags.put(BAGIT_TXT, sha256(tmp.resolve(BAGIT_TXT)));
            tags.put(
                    BAG_INFO_TXT,
                    writeFile(tmp.resolve(BAG_INFO_TXT), infoText.toString().getBytes(StandardCharsets.UTF_8)));
            tags.put(MANIFEST, writeFile(tmp.resolve(MANIFEST), manifestText(manifest)));
            writeFile(tmp.resolve(TAG_MANIFEST), manifestText(tags));
            if (Files.exists(target)) {
                throw new PackageExistsException(id);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                throw new PackageExistsException(id);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the archive folder must allow an atomic rename from " + staging, e);
            }
            try (Stream<Path> files = Files.walk(target)) {
                files.filter(Files::isRegularFile).forEach(p -> p.toFile().setWritable(false, false));
            }
            return target;
        } finally {
            deleteQuietly(tmp);
        }
    }

    static byte[] manifestText(Map<String, String> checksums) {
        StringBuilder b = new StringBuilder();
        checksums.forEach((path, sum) -> b.append(sum).append("  ").append(path).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a file, flushed to disk, and answers its SHA-256. */
    private static String writeFile(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest md = sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), md)) {
            out.write(bytes);
            out.flush();
            ch.force(true);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(String k) {
        return k.replaceAll("[:\\r\\n]", " ").strip();
    }

    private static String value(String v) {
        return v == null ? "" : v.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover in .staging is harmless: verify skips it
        }
    }
}

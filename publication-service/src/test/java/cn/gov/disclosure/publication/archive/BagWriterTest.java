package cn.gov.disclosure.publication.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BagIt packages: written once, complete, verifiable; any change found. Plain JUnit. */
class BagWriterTest {

    @TempDir
    Path root;

    Path write(String id) throws Exception {
        Map<String, byte[]> payload = new LinkedHashMap<>();
        payload.put("report.json", "{\"year\":2020}".getBytes(StandardCharsets.UTF_8));
        payload.put("report.html", "<p>紫帽镇</p>".getBytes(StandardCharsets.UTF_8));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Organisation-Code", "350582107");
        info.put("Approval-Time", "2021-01-25T09:30:00+08:00");
        return new BagWriter(root).write(id, payload, info, LocalDate.of(2021, 1, 26));
    }

    @Test
    void aPackageIsAValidBag() throws Exception {
        Path bag = write("350582107-2020-v1");
        assertThat(Files.readString(bag.resolve("bagit.txt")))
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        String manifest = Files.readString(bag.resolve("manifest-sha256.txt"));
        assertThat(manifest.lines()).hasSize(2).allMatch(l -> l.matches("[0-9a-f]{64}  data/report\\.(json|html)"));
        assertThat(Files.readString(bag.resolve("tagmanifest-sha256.txt")).lines())
                .extracting(l -> l.substring(66))
                .containsExactly("bag-info.txt", "bagit.txt", "manifest-sha256.txt");
        Map<String, String> info = BagVerifier.bagInfo(bag);
        int octets = "{\"year\":2020}".getBytes(StandardCharsets.UTF_8).length
                + "<p>紫帽镇</p>".getBytes(StandardCharsets.UTF_8).length;
        assertThat(info)
                .containsEntry("Payload-Oxum", octets + ".2")
                .containsEntry("Bagging-Date", "2021-01-26")
                .containsEntry("Organisation-Code", "350582107");
        BagVerifier.Report report = new BagVerifier(root).verifyAll();
        assertThat(report.packages()).isEqualTo(1);
        assertThat(report.allValid()).isTrue();
        assertThat(Files.isWritable(bag.resolve("data/report.json")) && !isRoot())
                .isFalse();
        assertThat(root.resolve(".staging")).isEmptyDirectory();
    }

    @Test
    void aPackageIsNeverOverwritten() throws Exception {
        Path bag = write("x-2020-v1");
        String before = Files.readString(bag.resolve("manifest-sha256.txt"));
        assertThatThrownBy(() -> write("x-2020-v1")).isInstanceOf(BagWriter.PackageExistsException.class);
        assertThat(Files.readString(bag.resolve("manifest-sha256.txt"))).isEqualTo(before);
        write("x-2020-v2");
        assertThat(new BagVerifier(root).verifyAll().packages()).isEqualTo(2);
    }

    @Test
    void verifyFindsAChangedAMissingAndAnAddedFile() throws Exception {
        Path a = write("a-2020-v1");
        Path b = write("b-2020-v1");
        Path c = write("c-2020-v1");
        write("d-2020-v1");
        Path f = a.resolve("data/report.html");
        f.toFile().setWritable(true);
        Files.writeString(f, "<p>篡改</p>");
        Files.delete(b.resolve("data/report.json"));
        Files.writeString(c.resolve("data/extra.txt"), "x");
        BagVerifier.Report report = new BagVerifier(root).verifyAll();
        assertThat(report.packages()).isEqualTo(4);
        assertThat(report.valid()).isEqualTo(1);
        assertThat(report.invalid())
                .extracting(BagVerifier.PackageResult::id)
                .containsExactly("a-2020-v1", "b-2020-v1", "c-2020-v1");
        assertThat(report.invalid().get(0).problems()).anyMatch(p -> p.startsWith("data/report.html: 校验和不符"));
        assertThat(report.invalid().get(1).problems()).anyMatch(p -> p.startsWith("data/report.json: 文件缺失"));
        assertThat(report.invalid().get(2).problems()).anyMatch(p -> p.startsWith("data/extra.txt: 未列入清单"));
    }

    @Test
    void aChangedTagFileIsFoundToo() throws Exception {
        Path a = write("a-2021-v1");
        Path info = a.resolve("bag-info.txt");
        info.toFile().setWritable(true);
        Files.writeString(info, Files.readString(info).replace("350582107", "350582108"));
        assertThat(new BagVerifier(root).verify(a).problems()).anyMatch(p -> p.startsWith("bag-info.txt: 标签文件校验和不符"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}

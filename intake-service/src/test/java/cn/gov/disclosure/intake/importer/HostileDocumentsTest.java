package cn.gov.disclosure.intake.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile documents: truncated and bit-flipped copies of every real fixture, deep markup, huge numbers,
 * endless digit runs. The importer either reads a report or throws {@link ImportException} (a 415 or 422 with a
 * Chinese message) — never any other exception (a 500).
 */
class HostileDocumentsTest {

    private final ReportImporter importer = new ReportImporter();

    private static final List<String> FIXTURES = List.of(
            "real/huaian-city-2024.pdf",
            "real/pingtan-haitan-2023.html",
            "real/pingtan-zone-2021.crawler.txt",
            "real/shanghai-kewei-2024.md.txt",
            "seed-documents/seed-2.doc",
            "seed-documents/seed-4.office.pdf",
            "real/huaian-city-2024.pdftext.txt");

    @Test
    void truncatedAndFlippedCopiesOfEveryFixture() throws Exception {
        Random random = new Random(20261201);
        List<String> unexpected = new ArrayList<>();
        for (String fixture : FIXTURES) {
            byte[] original = RealDocumentsTest.bytes(fixture);
            for (int k = 0; k < 25; k++) {
                byte[] bytes;
                if (k % 2 == 0) {
                    bytes = Arrays.copyOf(original, 1 + random.nextInt(original.length));
                } else {
                    bytes = original.clone();
                    for (int f = 0; f < 1 + random.nextInt(40); f++) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                }
                String outcome = outcome(bytes);
                if (outcome != null) {
                    unexpected.add(fixture + " #" + k + ": " + outcome);
                }
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void hostileText() {
        List<String> inputs = List.of(
                "<div>".repeat(20000) + "一、总体情况",
                "一、本年新收政府信息公开申请数量" + "9".repeat(5000),
                ("一、本年新收政府信息公开申请数量" + "1".repeat(30)).repeat(40),
                "四、政府信息公开行政复议、行政诉讼情况 行政复议 " + "1".repeat(400),
                "%PDF-1.4\n" + "0".repeat(1000),
                "规章\t" + "9".repeat(40) + "\t1\t1",
                "\u0000\u0001\u0002".repeat(100),
                "| " + "| ".repeat(10000));
        List<String> unexpected = new ArrayList<>();
        for (String input : inputs) {
            String outcome = outcome(input.getBytes(StandardCharsets.UTF_8));
            if (outcome != null) {
                unexpected.add(input.substring(0, Math.min(40, input.length())) + "…: " + outcome);
            }
        }
        assertThat(unexpected).isEmpty();
    }

    /** {@code null} when the importer read the document or refused it properly; otherwise what went wrong. */
    private String outcome(byte[] bytes) {
        try {
            importer.importDocument(bytes);
            return null;
        } catch (ImportException e) {
            return e.problems().isEmpty() || e.problems().get(0).messageZh().isBlank()
                    ? "a refusal without a message"
                    : null;
        } catch (Throwable t) {
            return t.toString();
        }
    }
}

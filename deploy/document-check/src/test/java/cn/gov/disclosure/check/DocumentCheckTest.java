package cn.gov.disclosure.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.model.AnnualReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline check's output, as the score tool and a person read it, over the real documents kept with intake's
 * tests: every figure as written, the findings grouped, a refusal naming what to do.
 */
class DocumentCheckTest {

    private static final Path REAL = Path.of("..", "..", "intake-service", "src", "test", "resources", "real");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DocumentCheck check = new DocumentCheck(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void aReadDocumentPrintsItsFiguresAsWrittenAndItsProvenance() {
        JsonNode o = check.check(REAL.resolve("huaian-city-2024.pdftext.txt"));
        assertThat(o.path("status").asText()).isEqualTo("read");
        assertThat(o.path("format").asText()).isEqualTo("text");
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).contains("\"total\":3050").doesNotContain("E+");
        assertThat(o.path("provenance").size()).isGreaterThan(100);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("已读取").contains("淮安市人民政府");
    }

    @Test
    void theBlankColumnsOfATownshipAreOneFinding() {
        JsonNode o = check.check(REAL.resolve("shuyang-fagaiju-2023.tsv.txt"));
        assertThat(o.path("findings").size()).isLessThanOrEqualTo(12);
        long cellMissing = 0;
        for (JsonNode f : o.path("findings")) {
            if ("CELL-MISSING".equals(f.path("code").asText())) {
                cellMissing++;
            }
        }
        assertThat(cellMissing).isEqualTo(1);
        assertThat(o.path("findings").findValuesAsText("code")).contains("NARRATIVE-LITIGATION");
    }

    @Test
    void aRefusedDocumentSaysWhatTheClerkCanDoInstead() throws Exception {
        Path rtf = Files.createTempFile("report", ".rtf");
        Files.writeString(rtf, "{\\rtf1\\ansi 政府信息公开工作年度报告}");
        JsonNode o = check.check(rtf);
        assertThat(o.path("status").asText()).isEqualTo("refused");
        assertThat(o.path("problems").get(0).path("messageZh").asText())
                .contains("RTF")
                .contains("另存为 .docx");
        assertThat(DocumentCheck.levelOf(new AnnualReport("某某街道办事处", 2024, null, null, List.of(), null, null, null)))
                .hasToString("TOWNSHIP");
    }
}

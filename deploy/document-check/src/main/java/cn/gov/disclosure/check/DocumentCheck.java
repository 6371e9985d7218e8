package cn.gov.disclosure.check;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.intake.importer.ImportException;
import cn.gov.disclosure.intake.importer.ImportResult;
import cn.gov.disclosure.intake.importer.ReportImporter;
import cn.gov.disclosure.validation.rules.OrganisationLevel;
import cn.gov.disclosure.validation.rules.ReportValidator;
import cn.gov.disclosure.validation.rules.ValidationContext;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The offline document check: reads each file with intake's importer and checks it with validation's rules, as the
 * services do, without the stack. One JSON object per document on standard output
 * ({@code {"file", "format", "status": "read" | "refused" | "crashed", "report", "notes", "findings", "problems",
 * "provenance"}}: where each cell came from),
 * a summary a person reads on standard error. Exit status 0 when every document was read, 1 when one was refused,
 * 2 on a usage error.
 */
public final class DocumentCheck {

    private static final long MAX_BYTES = 50L * 1024 * 1024;

    private final ReportImporter importer = new ReportImporter();
    private final ReportValidator validator = ReportValidator.standard();
    /** The contracts' mapper, its trees keeping every figure as written (3050, not 3.05E+3). */
    private final ObjectMapper json = ContractsJson.mapper()
            .copy()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final PrintStream out;
    private final PrintStream err;

    DocumentCheck(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            err.println("用法 / usage: deploy/check-documents.sh FILE|DIR…");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        DocumentCheck check = new DocumentCheck(out, err);
        int refused = 0;
        for (Path f : files) {
            if (!"read".equals(check.check(f).path("status").asText())) {
                refused++;
            }
        }
        err.printf(
                "%d 份文档：读取 %d 份，未能读取 %d 份 / %d documents: %d read, %d not read%n",
                files.size(), files.size() - refused, refused, files.size(), files.size() - refused, refused);
        System.exit(refused == 0 ? 0 : 1);
    }

    ObjectNode check(Path file) {
        ObjectNode o = json.createObjectNode();
        o.put("file", file.toString());
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than 50 MiB");
            }
            byte[] bytes = Files.readAllBytes(file);
            ImportResult result = importer.importDocument(bytes);
            AnnualReport report = result.report();
            List<Finding> findings =
                    validator.validate(report, ValidationContext.selfDeclared(report, levelOf(report)));
            o.put("format", result.format().code());
            o.put("status", "read");
            o.set("report", json.valueToTree(report));
            o.set("notes", json.valueToTree(result.notes()));
            o.set("findings", json.valueToTree(findings));
            o.set("provenance", json.valueToTree(result.provenance()));
            o.putArray("problems");
            long errors = findings.stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .count();
            err.printf(
                    "%s：已读取（%s）%s %d 年；导入提示 %d 条，校验发现 %d 条（错误 %d 条）%n",
                    file,
                    result.format().nameZh(),
                    report.organisationName() == null ? "（机关未识别）" : report.organisationName(),
                    report.year(),
                    result.notes().size(),
                    findings.size(),
                    errors);
            for (var n : result.notes()) {
                err.println("  提示 " + (n.line() == null ? "" : "第 " + n.line() + " 行：") + n.messageZh());
            }
            for (Finding f : findings) {
                err.println("  " + (f.severity() == Severity.ERROR ? "错误 " : "警告 ") + f.messageZh());
            }
        } catch (ImportException e) {
            o.put("status", "refused");
            o.set("problems", json.valueToTree(e.problems()));
            err.printf("%s：未能读取%n", file);
            e.problems()
                    .forEach(p -> err.println("  " + (p.line() == null ? "" : "第 " + p.line() + " 行：") + p.messageZh()
                            + (p.cells().isEmpty() ? "" : " " + p.cells())));
        } catch (IOException | RuntimeException e) {
            o.put("status", "crashed");
            o.putArray("problems").addObject().put("messageZh", "检查程序出错：" + e).put("messageEn", e.toString());
            err.printf("%s：检查程序出错 %s%n", file, e);
        }
        out.println(o.toString());
        return o;
    }

    /** The organ's level from its name (街道/乡/镇 → township, 县/区 → county, …): the rules that depend on it. */
    static OrganisationLevel levelOf(AnnualReport report) {
        String name = report.organisationName() == null ? "" : report.organisationName();
        if (name.matches(".*(街道|街道办事处|[乡镇](人民政府)?|管理局|管委会|片区.*)$") || name.contains("街道")) {
            return OrganisationLevel.TOWNSHIP;
        }
        if (name.matches(".*(局|委员会|委|办公室|厅|中心|署|院)$")) {
            return OrganisationLevel.DEPARTMENT;
        }
        if (name.matches(".*省(人民政府)?$")) {
            return OrganisationLevel.PROVINCE;
        }
        if (name.matches(".*[县区](人民政府)?$") || name.matches(".*实验区$")) {
            return OrganisationLevel.COUNTY;
        }
        if (name.matches(".*市(人民政府)?$")) {
            return OrganisationLevel.CITY;
        }
        return OrganisationLevel.TOWNSHIP;
    }
}

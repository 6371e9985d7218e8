package cn.gov.disclosure.intake.importer;

import java.util.List;
import java.util.stream.Collectors;

/** The document cannot be read as a report; {@link #problems()} says where and why. */
public class ImportException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        this(problems, null);
    }

    public ImportException(List<ImportProblem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    static ImportException of(String messageZh, String messageEn) {
        return new ImportException(List.of(new ImportProblem(null, null, List.of(), messageZh, messageEn)));
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static String describe(List<ImportProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            return "无法导入报告 / the report cannot be imported";
        }
        return problems.stream()
                .map(p -> (p.line() == null ? "" : "line " + p.line() + ": ")
                        + (p.row() == null ? "" : "[" + p.row() + "] ")
                        + p.messageZh() + " / " + p.messageEn()
                        + (p.cells().isEmpty() ? "" : " " + p.cells()))
                .collect(Collectors.joining("; "));
    }
}

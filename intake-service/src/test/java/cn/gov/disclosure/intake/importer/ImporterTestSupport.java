package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Helpers of the importer tests: seed lines, JSON trees, table edits. */
final class ImporterTestSupport {

    private ImporterTestSupport() {}

    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }

    /** The 1-based number of the first line that starts with the prefix (tabs and spaces before it ignored). */
    static int lineOf(String text, String prefix) {
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(prefix.strip())) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    /** The text with its first line starting with the prefix replaced. */
    static String replaceLine(String text, String prefix, String replacement) {
        int n = lineOf(text, prefix);
        List<String> lines = new ArrayList<>(lines(text));
        lines.set(n - 1, replacement);
        return String.join("\n", lines);
    }

    static String removeLine(String text, String prefix) {
        int n = lineOf(text, prefix);
        List<String> lines = new ArrayList<>(lines(text));
        lines.remove(n - 1);
        return String.join("\n", lines);
    }

    static String line(String text, String prefix) {
        return lines(text).get(lineOf(text, prefix) - 1);
    }

    /** The report as a JSON tree, as it goes over the wire (numbers compared by their JSON text). */
    static JsonNode json(AnnualReport report) {
        try {
            return ContractsJson.mapper().readTree(ContractsJson.mapper().writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the table with one row changed. */
    static ReportTable withRow(ReportTable table, String row, UnaryOperator<Map<String, Cell>> change) {
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        table.rows().forEach((k, v) -> {
            if (k.equals(row)) {
                Map<String, Cell> changed = change.apply(new LinkedHashMap<>(v));
                if (changed != null) {
                    rows.put(k, changed);
                }
            } else {
                rows.put(k, v);
            }
        });
        return new ReportTable(rows);
    }

    static AnnualReport withActiveDisclosure(AnnualReport r, ReportTable t) {
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                r.sections(),
                t,
                r.applications(),
                r.reviewsAndLitigation());
    }

    static AnnualReport withApplications(AnnualReport r, ReportTable t) {
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                r.sections(),
                r.activeDisclosure(),
                t,
                r.reviewsAndLitigation());
    }
}

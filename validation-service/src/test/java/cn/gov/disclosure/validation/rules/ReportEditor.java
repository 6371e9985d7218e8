package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: a mutable copy of a report (usually a golden seed) to break or mend before validating it. */
final class ReportEditor {

    private String organisationName;
    private int year;
    private TemplateVersion template;
    private String title;
    private final List<Section> sections;
    private final Map<TableId, Map<String, Map<String, Cell>>> tables = new EnumMap<>(TableId.class);

    private ReportEditor(AnnualReport r) {
        organisationName = r.organisationName();
        year = r.year();
        template = r.template();
        title = r.title();
        sections = new ArrayList<>(r.sections());
        for (TableId id : TableId.values()) {
            ReportTable t = r.table(id);
            if (t != null) {
                Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
                t.rows().forEach((row, cells) -> rows.put(row, new LinkedHashMap<>(cells)));
                tables.put(id, rows);
            }
        }
    }

    static ReportEditor of(AnnualReport report) {
        return new ReportEditor(report);
    }

    /** A copy of golden seed {@code n}. */
    static ReportEditor seed(int n) {
        return new ReportEditor(golden(n));
    }

    static AnnualReport golden(int n) {
        return GoldenSeeds.load(n);
    }

    ReportEditor cell(TableId table, String row, String column, long value) {
        return cell(table, row, column, Cell.of(value));
    }

    ReportEditor cell(TableId table, String row, String column, String value) {
        return cell(table, row, column, Cell.of(value));
    }

    ReportEditor cell(TableId table, String row, String column, Cell cell) {
        tables.computeIfAbsent(table, t -> new LinkedHashMap<>())
                .computeIfAbsent(row, r -> new LinkedHashMap<>())
                .put(column, cell);
        return this;
    }

    /** Adds {@code delta} to a cell. */
    ReportEditor add(TableId table, String row, String column, long delta) {
        Cell old = tables.get(table).get(row).get(column);
        return cell(table, row, column, new Cell(old.value().add(BigDecimal.valueOf(delta)), old.unit()));
    }

    BigDecimal value(TableId table, String row, String column) {
        return tables.get(table).get(row).get(column).value();
    }

    ReportEditor removeCell(TableId table, String row, String column) {
        tables.get(table).get(row).remove(column);
        return this;
    }

    ReportEditor removeRow(TableId table, String row) {
        tables.get(table).remove(row);
        return this;
    }

    ReportEditor removeTable(TableId table) {
        tables.remove(table);
        return this;
    }

    ReportEditor organisation(String name) {
        organisationName = name;
        return this;
    }

    ReportEditor year(int y) {
        year = y;
        return this;
    }

    ReportEditor template(TemplateVersion t) {
        template = t;
        return this;
    }

    /** Replaces the text of a section (adding the section, in its place, when the report lacks it). */
    ReportEditor text(SectionKey key, String text) {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.key() == key) {
                sections.set(i, new Section(key, s.heading(), text));
                return this;
            }
        }
        int at = 0;
        while (at < sections.size() && sections.get(at).key().ordinal() < key.ordinal()) {
            at++;
        }
        sections.add(at, new Section(key, key.numeral() + "、", text));
        return this;
    }

    String text(SectionKey key) {
        return sections.stream()
                .filter(s -> s.key() == key)
                .findFirst()
                .map(Section::text)
                .orElse(null);
    }

    ReportEditor appendText(SectionKey key, String more) {
        String old = text(key);
        return text(key, old == null || old.isEmpty() ? more : old + "\n" + more);
    }

    ReportEditor removeSection(SectionKey key) {
        sections.removeIf(s -> s.key() == key);
        return this;
    }

    /** Moves a section to another index of the section list. */
    ReportEditor moveSection(SectionKey key, int index) {
        Section s = sections.stream().filter(x -> x.key() == key).findFirst().orElseThrow();
        sections.remove(s);
        sections.add(index, s);
        return this;
    }

    ReportEditor duplicateSection(SectionKey key) {
        Section s = sections.stream().filter(x -> x.key() == key).findFirst().orElseThrow();
        sections.add(sections.indexOf(s) + 1, s);
        return this;
    }

    AnnualReport build() {
        return new AnnualReport(
                organisationName,
                year,
                template,
                title,
                sections,
                table(TableId.ACTIVE_DISCLOSURE),
                table(TableId.APPLICATIONS),
                table(TableId.REVIEWS_AND_LITIGATION));
    }

    private ReportTable table(TableId id) {
        Map<String, Map<String, Cell>> rows = tables.get(id);
        return rows == null ? null : new ReportTable(rows);
    }
}

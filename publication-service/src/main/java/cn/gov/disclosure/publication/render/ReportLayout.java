package cn.gov.disclosure.publication.render;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.publication.render.ReportView.CellKind;
import cn.gov.disclosure.publication.render.ReportView.Layout;
import cn.gov.disclosure.publication.render.ReportView.SectionView;
import cn.gov.disclosure.publication.render.ReportView.TableCell;
import cn.gov.disclosure.publication.render.ReportView.TableView;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays an approved report out in the official layout of its template. Every section, table, row and column and every
 * label comes from {@link TemplateCatalogue}; nothing here lists rows of its own.
 */
public final class ReportLayout {

    /** The header of the label column of Table 2 (信息内容), as in both templates. */
    static final String ITEM_CONTENT = "信息内容";
    /** Dates on the page are Beijing time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ReportLayout() {}

    /** What the page shows besides the report itself. */
    public record Meta(String organisationName, int year, int version, OffsetDateTime approvedAt) {}

    public static ReportView of(AnnualReport report, Meta meta) {
        String organisation =
                meta.organisationName() != null && !meta.organisationName().isBlank()
                        ? meta.organisationName()
                        : report.organisationName();
        int year = meta.year() > 0 ? meta.year() : report.year();
        TemplateVersion template = report.template() != null ? report.template() : TemplateVersion.requiredFor(year);
        List<SectionView> sections = new ArrayList<>();
        for (TemplateCatalogue.SectionDef def : TemplateCatalogue.sections()) {
            String text = report.section(def.key()).map(Section::text).orElse("");
            TableId tableId = Arrays.stream(TableId.values())
                    .filter(t -> t.section() == def.key())
                    .findFirst()
                    .orElse(null);
            TableView table =
                    tableId == null ? null : table(TemplateCatalogue.table(template, tableId), report.table(tableId));
            sections.add(new SectionView(def.key(), def.heading(), paragraphs(text), table));
        }
        String approvedOn = meta.approvedAt() == null
                ? null
                : meta.approvedAt().atZoneSameInstant(CHINA).format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
        return new ReportView(
                title(organisation, year), organisation, year, template, meta.version(), approvedOn, sections);
    }

    /** 晋江市紫帽镇人民政府2020年政府信息公开工作年度报告. */
    public static String title(String organisationName, int year) {
        return organisationName + year + "年政府信息公开工作年度报告";
    }

    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The table in the layout the template gives it. */
    public static TableView table(TableDef def, ReportTable data) {
        ReportTable values = data == null ? new ReportTable(null) : data;
        return switch (def.id()) {
            case ACTIVE_DISCLOSURE -> grouped(def, values);
            case APPLICATIONS -> matrix(def, values);
            case REVIEWS_AND_LITIGATION -> singleRow(def, values);
        };
    }

    // ------------------------------------------------------------------------------------------------ Table 2

    /** Per article item: the item across the table, 信息内容 and the item's columns, then its rows. */
    private static TableView grouped(TableDef def, ReportTable values) {
        int valueColumns =
                def.rows().stream().mapToInt(r -> r.columns().size()).max().orElse(1);
        int width = 1 + valueColumns;
        List<TableCell> cells = new ArrayList<>();
        int r = 0;
        String group = null;
        for (RowDef row : def.rows()) {
            String item = row.path().isEmpty() ? null : row.path().get(0);
            if (item != null && !item.equals(group)) {
                cells.add(new TableCell(r, 0, 1, width, item, CellKind.GROUP, null, null));
                r++;
                cells.add(new TableCell(r, 0, 1, 1, ITEM_CONTENT, CellKind.COLUMN_HEADER, null, null));
                int c = 1;
                for (int i = 0; i < row.columns().size(); i++) {
                    int span = i == row.columns().size() - 1 ? width - c : 1;
                    cells.add(new TableCell(
                            r,
                            c,
                            1,
                            span,
                            row.columns().get(i).label(),
                            CellKind.COLUMN_HEADER,
                            null,
                            row.columns().get(i).key()));
                    c += span;
                }
                r++;
            }
            group = item;
            cells.add(new TableCell(r, 0, 1, 1, row.label(), CellKind.ROW_HEADER, row.key(), null));
            int c = 1;
            for (int i = 0; i < row.columns().size(); i++) {
                ColumnDef col = row.columns().get(i);
                int span = i == row.columns().size() - 1 ? width - c : 1;
                cells.add(value(r, c, span, row, col, values));
                c += span;
            }
            r++;
        }
        return new TableView(def.id(), def.title(), Layout.GROUPED, r, width, 0, 1, cells);
    }

    // ------------------------------------------------------------------------------------------------ Table 3

    /** The corner (the table's own rule), column headers from ColumnDef.headerPath, row headers from RowDef.path. */
    private static TableView matrix(TableDef def, ReportTable values) {
        List<ColumnDef> columns = def.columns();
        List<List<String>> rowGroups = def.rows().stream().map(RowDef::path).toList();
        List<List<String>> colGroups =
                columns.stream().map(ColumnDef::headerPath).toList();
        int rowDepth = HeaderSpans.depth(rowGroups);
        int colDepth = HeaderSpans.depth(colGroups);
        List<TableCell> cells = new ArrayList<>();
        cells.add(new TableCell(
                0,
                0,
                colDepth,
                rowDepth,
                def.cornerNote() == null ? "" : def.cornerNote(),
                CellKind.CORNER,
                null,
                null));
        for (HeaderSpans.Span s :
                HeaderSpans.of(colGroups, columns.stream().map(ColumnDef::label).toList())) {
            cells.add(new TableCell(
                    s.level(),
                    rowDepth + s.index(),
                    s.levelSpan(),
                    s.indexSpan(),
                    s.text(),
                    s.leaf() ? CellKind.COLUMN_HEADER : CellKind.GROUP,
                    null,
                    s.leaf() ? columns.get(s.index()).key() : null));
        }
        for (HeaderSpans.Span s :
                HeaderSpans.of(rowGroups, def.rows().stream().map(RowDef::label).toList())) {
            cells.add(new TableCell(
                    colDepth + s.index(),
                    s.level(),
                    s.indexSpan(),
                    s.levelSpan(),
                    s.text(),
                    s.leaf() ? CellKind.ROW_HEADER : CellKind.GROUP,
                    s.leaf() ? def.rows().get(s.index()).key() : null,
                    null));
        }
        for (int i = 0; i < def.rows().size(); i++) {
            RowDef row = def.rows().get(i);
            for (int j = 0; j < columns.size(); j++) {
                ColumnDef col = row.column(columns.get(j).key());
                if (col != null) {
                    cells.add(value(colDepth + i, rowDepth + j, 1, row, col, values));
                }
            }
        }
        return new TableView(
                def.id(),
                def.title(),
                Layout.MATRIX,
                colDepth + def.rows().size(),
                rowDepth + columns.size(),
                colDepth,
                rowDepth,
                cells);
    }

    // ------------------------------------------------------------------------------------------------ Table 4

    /** Every (row, column) as one column: the row's groups and label above the column's label; one row of values. */
    private static TableView singleRow(TableDef def, ReportTable values) {
        List<List<String>> groups = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<RowDef> rowOf = new ArrayList<>();
        List<ColumnDef> colOf = new ArrayList<>();
        for (RowDef row : def.rows()) {
            for (ColumnDef col : row.columns()) {
                groups.add(Stream.of(row.path().stream(), Stream.of(row.label()), col.headerPath().stream())
                        .flatMap(s -> s)
                        .toList());
                labels.add(col.label());
                rowOf.add(row);
                colOf.add(col);
            }
        }
        int depth = HeaderSpans.depth(groups);
        List<TableCell> cells = new ArrayList<>();
        for (HeaderSpans.Span s : HeaderSpans.of(groups, labels)) {
            cells.add(new TableCell(
                    s.level(),
                    s.index(),
                    s.levelSpan(),
                    s.indexSpan(),
                    s.text(),
                    s.leaf() ? CellKind.COLUMN_HEADER : CellKind.GROUP,
                    s.leaf() ? rowOf.get(s.index()).key() : null,
                    s.leaf() ? colOf.get(s.index()).key() : null));
        }
        for (int j = 0; j < labels.size(); j++) {
            cells.add(value(depth, j, 1, rowOf.get(j), colOf.get(j), values));
        }
        return new TableView(def.id(), def.title(), Layout.SINGLE_ROW, depth + 1, labels.size(), depth, 0, cells);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static TableCell value(int r, int c, int colspan, RowDef row, ColumnDef col, ReportTable values) {
        return new TableCell(
                r,
                c,
                1,
                colspan,
                format(values.cell(row.key(), col.key()).orElse(null)),
                CellKind.VALUE,
                row.key(),
                col.key());
    }

    /** A number as the report states it, with the unit the report wrote (never a guessed one); blank when absent. */
    static String format(Cell cell) {
        if (cell == null) {
            return "";
        }
        String n = cell.value().toPlainString();
        return cell.unit() == null ? n : n + cell.unit();
    }

    /** The heading of a section key (for callers that only hold the key). */
    static String heading(SectionKey key) {
        return TemplateCatalogue.section(key).heading();
    }
}

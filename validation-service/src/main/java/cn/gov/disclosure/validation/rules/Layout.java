package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.ColumnRole;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.RowRole;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of one template, looked at the way the rules need it (rows and columns by position, which rows add
 * up to which, which columns are parts and which the total), computed once from {@link TemplateCatalogue}.
 * Nothing here is written by hand.
 */
final class Layout {

    /**
     * One table of the template by position: rows in catalogue order, the table's distinct columns in first-seen order,
     * and for each row the positions of its own columns.
     */
    static final class Shape {
        final TableDef def;
        final List<RowDef> rows;
        final List<ColumnDef> columns;
        final int[][] rowColumns;
        private final Map<String, Integer> rowIndex = new HashMap<>();
        private final Map<String, Integer> columnIndex = new HashMap<>();

        Shape(TableDef def) {
            this.def = def;
            this.rows = def.rows();
            this.columns = def.columns();
            for (int c = 0; c < columns.size(); c++) {
                columnIndex.put(columns.get(c).key(), c);
            }
            rowColumns = new int[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                rowIndex.put(rows.get(r).key(), r);
                List<ColumnDef> own = rows.get(r).columns();
                rowColumns[r] = new int[own.size()];
                for (int k = 0; k < own.size(); k++) {
                    rowColumns[r][k] = columnIndex.get(own.get(k).key());
                }
            }
        }

        /** Position of the row, or -1 when the template has no such row. */
        int row(String key) {
            Integer i = rowIndex.get(key);
            return i == null ? -1 : i;
        }

        /** Position of the column among the table's distinct columns, or -1. */
        int column(String key) {
            Integer i = columnIndex.get(key);
            return i == null ? -1 : i;
        }

        boolean rowHasColumn(int row, int column) {
            for (int c : rowColumns[row]) {
                if (c == column) {
                    return true;
                }
            }
            return false;
        }

        int row(RowDef row) {
            return row(row.key());
        }
    }

    /** A row whose {@link ColumnRole#PART} columns add up to its {@link ColumnRole#TOTAL} column (positions in its shape). */
    record RowSum(int row, RowDef def, int[] parts, List<ColumnDef> partDefs, int total, ColumnDef totalDef) {}

    private static final Map<TemplateVersion, Layout> LAYOUTS = new EnumMap<>(TemplateVersion.class);

    static {
        for (TemplateVersion t : TemplateVersion.values()) {
            LAYOUTS.put(t, new Layout(t));
        }
    }

    final TemplateVersion template;
    final List<TableDef> tables;
    private final Shape[] shapes = new Shape[TableId.values().length];
    private final Map<TableId, List<RowSum>> rowSums = new EnumMap<>(TableId.class);

    final TableDef applications;
    final List<ColumnDef> applicationColumns;
    final List<RowDef> incoming;
    final List<RowDef> results;
    final RowDef resultTotal;
    final RowDef carriedForward;
    final RowDef newReceived;
    final RowDef carriedOver;
    /** The RESULT_TOTAL and CARRIED_FORWARD rows (七 and 四): what the incoming applications became. */
    final List<RowDef> outgoing;

    final ColumnDef applicationsTotal;
    /** Positions in the Table 3 shape. */
    final int[] incomingRows;

    final int[] resultRows;
    final int[] outgoingRows;
    final int resultTotalRow;

    final TableDef reviews;
    final List<RowDef> reconsiderationRows;
    final List<RowDef> litigationRows;
    final ColumnDef reviewsTotal;

    final TableDef activeDisclosure;

    private Layout(TemplateVersion t) {
        this.template = t;
        this.tables = TemplateCatalogue.tables(t);
        for (TableDef table : tables) {
            Shape shape = new Shape(table);
            shapes[table.id().ordinal()] = shape;
            List<RowSum> sums = new ArrayList<>();
            for (int r = 0; r < shape.rows.size(); r++) {
                RowDef row = shape.rows.get(r);
                List<ColumnDef> parts = row.columns().stream()
                        .filter(c -> c.role() == ColumnRole.PART)
                        .toList();
                ColumnDef total = row.columns().stream()
                        .filter(c -> c.role() == ColumnRole.TOTAL)
                        .findFirst()
                        .orElse(null);
                if (total != null && !parts.isEmpty()) {
                    int[] partIdx =
                            parts.stream().mapToInt(c -> shape.column(c.key())).toArray();
                    sums.add(new RowSum(r, row, partIdx, parts, shape.column(total.key()), total));
                }
            }
            rowSums.put(table.id(), List.copyOf(sums));
        }

        applications = TemplateCatalogue.table(t, TableId.APPLICATIONS);
        Shape t3 = shape(TableId.APPLICATIONS);
        applicationColumns = t3.columns;
        incoming = applications.rowsWithRole(RowRole.INCOMING);
        results = applications.rowsWithRole(RowRole.RESULT);
        resultTotal = single(applications, RowRole.RESULT_TOTAL);
        carriedForward = single(applications, RowRole.CARRIED_FORWARD);
        outgoing = List.of(resultTotal, carriedForward);
        newReceived = applications.row(Keys.T3_NEW_RECEIVED).orElseThrow();
        carriedOver = applications.row(Keys.T3_CARRIED_OVER).orElseThrow();
        applicationsTotal = totalColumn(applications);
        incomingRows = incoming.stream().mapToInt(t3::row).toArray();
        resultRows = results.stream().mapToInt(t3::row).toArray();
        outgoingRows = outgoing.stream().mapToInt(t3::row).toArray();
        resultTotalRow = t3.row(resultTotal);

        reviews = TemplateCatalogue.table(t, TableId.REVIEWS_AND_LITIGATION);
        litigationRows = reviews.rows().stream()
                .filter(r -> r.fullLabel().contains("诉讼"))
                .toList();
        reconsiderationRows = reviews.rows().stream()
                .filter(r -> !r.fullLabel().contains("诉讼"))
                .toList();
        reviewsTotal = totalColumn(reviews);

        activeDisclosure = TemplateCatalogue.table(t, TableId.ACTIVE_DISCLOSURE);
    }

    Shape shape(TableId id) {
        return shapes[id.ordinal()];
    }

    TableDef table(TableId id) {
        return shapes[id.ordinal()].def;
    }

    List<RowSum> rowSums(TableId id) {
        return rowSums.get(id);
    }

    static Layout of(TemplateVersion template) {
        return LAYOUTS.get(template);
    }

    static Layout of(AnnualReport report) {
        return LAYOUTS.get(templateOf(report));
    }

    /**
     * The template the report's tables are read with: the one it declares, or when it declares none the one its year
     * requires (TEMPLATE-MISMATCH reports the missing declaration).
     */
    static TemplateVersion templateOf(AnnualReport report) {
        if (report.template() != null) {
            return report.template();
        }
        return report.year() >= TemplateVersion.FIRST_REPORTING_YEAR
                ? TemplateVersion.requiredFor(report.year())
                : TemplateVersion.values()[TemplateVersion.values().length - 1];
    }

    /** Rows of Table 2 that have all the given columns. */
    List<RowDef> activeDisclosureRowsWith(String... columnKeys) {
        return activeDisclosure.rows().stream()
                .filter(r -> Arrays.stream(columnKeys).allMatch(k -> r.column(k) != null))
                .toList();
    }

    /** The row {@code rowKey} of {@code table} in any template, or {@code null} when no template has it. */
    static RowDef rowInAnyTemplate(TableId table, String rowKey) {
        for (TemplateVersion t : TemplateVersion.values()) {
            var row = TemplateCatalogue.table(t, table).row(rowKey);
            if (row.isPresent()) {
                return row.get();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- cell access by key, without allocation

    static Cell cell(ReportTable table, String row, String column) {
        if (table == null) {
            return null;
        }
        Map<String, Cell> cells = table.rows().get(row);
        return cells == null ? null : cells.get(column);
    }

    static BigDecimal value(ReportTable table, String row, String column) {
        Cell c = cell(table, row, column);
        return c == null ? null : c.value();
    }

    private static RowDef single(TableDef table, RowRole role) {
        List<RowDef> rows = table.rowsWithRole(role);
        if (rows.size() != 1) {
            throw new IllegalStateException(
                    "catalogue: expected one " + role + " row in " + table.id() + ", found " + rows.size());
        }
        return rows.get(0);
    }

    private static ColumnDef totalColumn(TableDef table) {
        return table.columns().stream()
                .filter(c -> c.role() == ColumnRole.TOTAL)
                .findFirst()
                .orElseThrow();
    }
}

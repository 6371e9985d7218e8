package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report's tables laid out by the positions of its template's {@link Layout.Shape}s (one pass over the report's
 * maps), the cells the template does not have, and the narrative's breakdowns — worked out once per report and shared
 * by the rules: the validator works them out once per report and passes them to every rule.
 */
public final class ReportFacts {

    /** A row (column {@code null}) or a cell the report holds but its template does not have. */
    record Unexpected(TableId table, String row, String column) {}

    private final AnnualReport report;
    final Layout layout;
    /** [table][row][column] by shape positions; a table is {@code null} when the report has none (or an empty one). */
    private final Cell[][][] cells = new Cell[TableId.values().length][][];
    /** [table][row]: whether the report holds the row with at least one cell. */
    private final boolean[][] rowPresent = new boolean[TableId.values().length][];

    final List<Unexpected> unexpected;
    private List<Breakdowns.Breakdown> breakdowns;

    private ReportFacts(AnnualReport report) {
        this.report = report;
        this.layout = Layout.of(report);
        List<Unexpected> extra = null;
        for (TableId id : TableId.values()) {
            ReportTable table = report.table(id);
            if (table == null || table.rows().isEmpty()) {
                continue;
            }
            Layout.Shape shape = layout.shape(id);
            Map<String, Map<String, Cell>> rows = table.rows();
            Cell[][] grid = new Cell[shape.rows.size()][shape.columns.size()];
            boolean[] present = new boolean[shape.rows.size()];
            int rowsFound = 0;
            for (int r = 0; r < shape.rows.size(); r++) {
                String rowKey = shape.rows.get(r).key();
                Map<String, Cell> cells = rows.get(rowKey);
                if (cells == null) {
                    continue;
                }
                rowsFound++;
                present[r] = !cells.isEmpty();
                int cellsFound = 0;
                for (int c : shape.rowColumns[r]) {
                    Cell cell = cells.get(shape.columns.get(c).key());
                    if (cell != null) {
                        grid[r][c] = cell;
                        cellsFound++;
                    }
                }
                if (cellsFound != cells.size()) { // the row holds cells of columns it does not have
                    for (String column : cells.keySet()) {
                        int c = shape.column(column);
                        if (c < 0 || !shape.rowHasColumn(r, c)) {
                            extra = add(extra, new Unexpected(id, rowKey, column));
                        }
                    }
                }
            }
            if (rowsFound != rows.size()) { // rows the template does not have
                for (String rowKey : rows.keySet()) {
                    if (shape.row(rowKey) < 0) {
                        extra = add(extra, new Unexpected(id, rowKey, null));
                    }
                }
            }
            cells[id.ordinal()] = grid;
            rowPresent[id.ordinal()] = present;
        }
        unexpected = extra == null ? List.of() : List.copyOf(extra);
    }

    public static ReportFacts of(AnnualReport report) {
        return new ReportFacts(report);
    }

    public AnnualReport report() {
        return report;
    }

    boolean hasTable(TableId id) {
        return cells[id.ordinal()] != null;
    }

    boolean rowPresent(TableId id, int row) {
        return rowPresent[id.ordinal()][row];
    }

    /** The cell at shape positions, or {@code null} when the report lacks the table or the cell. */
    Cell cell(TableId id, int row, int column) {
        Cell[][] grid = cells[id.ordinal()];
        return grid == null ? null : grid[row][column];
    }

    BigDecimal value(TableId id, int row, int column) {
        Cell c = cell(id, row, column);
        return c == null ? null : c.value();
    }

    /** The sum of a column over rows, or {@code null} when a cell is missing. */
    BigDecimal sum(TableId id, int[] rows, int column) {
        Cell[][] grid = cells[id.ordinal()];
        if (grid == null) {
            return null;
        }
        Sum sum = new Sum();
        for (int r : rows) {
            Cell c = grid[r][column];
            if (c == null) {
                return null;
            }
            sum.add(c.value());
        }
        return sum.value();
    }

    /** The sum of columns of one row, or {@code null} when a cell is missing. */
    BigDecimal rowSum(TableId id, int row, int[] columns) {
        Cell[][] grid = cells[id.ordinal()];
        if (grid == null) {
            return null;
        }
        Sum sum = new Sum();
        for (int c : columns) {
            Cell cell = grid[row][c];
            if (cell == null) {
                return null;
            }
            sum.add(cell.value());
        }
        return sum.value();
    }

    List<Breakdowns.Breakdown> breakdowns() {
        if (breakdowns == null) {
            breakdowns = Breakdowns.of(report);
        }
        return breakdowns;
    }

    /** Adds whole numbers as longs (no BigDecimal per step), anything else exactly. */
    private static final class Sum {
        private long whole;
        private BigDecimal other;

        void add(BigDecimal v) {
            if (v.scale() == 0 && v.precision() < 16) {
                whole += v.longValue(); // fewer than 100 terms below 10^16: no overflow
            } else {
                other = other == null ? v : other.add(v);
            }
        }

        BigDecimal value() {
            return other == null ? BigDecimal.valueOf(whole) : other.add(BigDecimal.valueOf(whole));
        }
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list == null ? new ArrayList<>() : list;
        l.add(item);
        return l;
    }
}

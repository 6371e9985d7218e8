package cn.gov.disclosure.publication.render;

import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.Comparator;
import java.util.List;

/**
 * An approved report laid out as the template lays it out: title, the six sections in order, the tables as grids of
 * (merged) cells. Built from the catalogue by {@link ReportLayout}; drawn by {@link HtmlRenderer} and
 * {@link PdfRenderer}, so both show the same content.
 */
public record ReportView(
        String title,
        String organisationName,
        int year,
        TemplateVersion template,
        int version,
        String approvedOn,
        List<SectionView> sections) {

    public ReportView {
        sections = List.copyOf(sections);
    }

    /** One of the six sections: the official heading, the narrative paragraphs, and the table of a table section. */
    public record SectionView(SectionKey key, String heading, List<String> paragraphs, TableView table) {
        public SectionView {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** How a table is laid out (as in the template). */
    public enum Layout {
        /** Table 2: one block per article item: the item, a header row of its columns, its rows. */
        GROUPED,
        /** Table 3: a corner, merged column headers above, merged row headers to the left. */
        MATRIX,
        /** Table 4: every (row, column) of the catalogue as one column under merged headers, one row of values. */
        SINGLE_ROW
    }

    public enum CellKind {
        CORNER,
        GROUP,
        COLUMN_HEADER,
        ROW_HEADER,
        VALUE
    }

    /**
     * One cell of the grid, at its top-left position.
     *
     * @param rowKey    for a value, the catalogue key of its row
     * @param columnKey for a value, the catalogue key of its column
     */
    public record TableCell(
            int row, int col, int rowspan, int colspan, String text, CellKind kind, String rowKey, String columnKey) {
        public boolean isHeader() {
            return kind != CellKind.VALUE;
        }
    }

    /**
     * A table as a grid of {@code rowCount × columnCount} positions covered by cells.
     *
     * @param headerRows        the leading rows that form the column header (repeated after a PDF page break)
     * @param rowHeaderColumns  the leading columns that hold row labels
     */
    public record TableView(
            TableId id,
            String title,
            Layout layout,
            int rowCount,
            int columnCount,
            int headerRows,
            int rowHeaderColumns,
            List<TableCell> cells) {

        public TableView {
            cells = cells.stream()
                    .sorted(Comparator.comparingInt(TableCell::row).thenComparingInt(TableCell::col))
                    .toList();
        }

        /** The cells that start in row {@code r}, left to right. */
        public List<TableCell> rowCells(int r) {
            return cells.stream().filter(c -> c.row() == r).toList();
        }
    }
}

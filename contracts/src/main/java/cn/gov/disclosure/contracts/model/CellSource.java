package cn.gov.disclosure.contracts.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one cell of an imported report came from and how it was read, so that a clerk and a reviewer can see it
 * beside the figure. Intake's importer makes it, the townships' page marks the cells a clerk changed, and it travels
 * with the version (report submitted, report validated) to the reviewers' case page.
 *
 * @param table   the table's key ({@code applications})
 * @param row     the row's key
 * @param column  the column's key
 * @param page    the page of the document (PDF), or {@code null}
 * @param line    the line of the document (the importer's line model: a paragraph or a table row), or {@code null}
 * @param raw     the text the figure was read from, as written ({@code 3,119}, {@code ３１１９}, {@code 640020470})
 * @param reading how it was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellSource(
        String table, String row, String column, Integer page, Integer line, String raw, Reading reading) {

    /** How a cell was read. */
    public enum Reading {
        /** The figure as the document writes it. */
        WRITTEN,
        /** The document leaves the cell blank (empty, —, /, 无): not imported, the clerk fills it. */
        BLANK,
        /** Told apart from digits run together, or a blank filled, by the table's own arithmetic. */
        RESOLVED_BY_ARITHMETIC,
        /** The row had a value more than the template's columns; every reading without it gives this figure. */
        EXTRA_VALUE_DROPPED,
        /** The clerk changed the figure read from the document ({@code raw} is what the document writes). */
        CORRECTED
    }

    public CellSource withPage(Integer p) {
        return new CellSource(table, row, column, p, line, raw, reading);
    }
}

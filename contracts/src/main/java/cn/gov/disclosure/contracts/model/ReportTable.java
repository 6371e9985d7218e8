package cn.gov.disclosure.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table of the report as rows of cells, both keyed by the stable English keys of the template catalogue.
 * A row or cell the document does not contain is simply absent: the validator, not the parser, says what is
 * missing. In JSON: {@code {"newReceived": {"naturalPerson": 0, ..., "total": 0}, ...}}.
 */
public record ReportTable(Map<String, Map<String, Cell>> rows) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReportTable {
        Map<String, Map<String, Cell>> copy = new LinkedHashMap<>();
        if (rows != null) {
            rows.forEach((row, cells) ->
                    copy.put(row, cells == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cells))));
        }
        rows = Collections.unmodifiableMap(copy);
    }

    @JsonValue
    @Override
    public Map<String, Map<String, Cell>> rows() {
        return rows;
    }

    public Optional<Cell> cell(String row, String column) {
        Map<String, Cell> cells = rows.get(row);
        return cells == null ? Optional.empty() : Optional.ofNullable(cells.get(column));
    }

    /** The value of a cell, or {@code null} when the table does not hold it. */
    public BigDecimal value(String row, String column) {
        return cell(row, column).map(Cell::value).orElse(null);
    }

    public boolean hasRow(String row) {
        return rows.containsKey(row);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects cells in document order. */
    public static final class Builder {
        private final Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();

        public Builder put(String row, String column, Cell cell) {
            rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, cell);
            return this;
        }

        public Builder row(String row) {
            rows.computeIfAbsent(row, r -> new LinkedHashMap<>());
            return this;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public ReportTable build() {
            return new ReportTable(rows);
        }
    }
}

package cn.gov.disclosure.contracts.catalogue;

import java.util.List;
import java.util.stream.Stream;

/**
 * A row of a template table.
 *
 * @param key     stable English key used in code and JSON
 * @param label   the official Chinese label of the row (its own cell, without the enclosing groups)
 * @param aliases other ways real reports write the label
 * @param path    the labels of the enclosing groups, outermost first (e.g. 三、本年度办理结果, （三）不予公开);
 *                for Table 2 the article item (第二十条第（一）项)
 * @param role    how the row takes part in the table's sums
 * @param columns the columns of this row, in document order
 */
public record RowDef(
        String key, String label, List<String> aliases, List<String> path, RowRole role, List<ColumnDef> columns) {

    public RowDef {
        aliases = List.copyOf(aliases);
        path = List.copyOf(path);
        columns = List.copyOf(columns);
    }

    public List<String> allLabels() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }

    public ColumnDef column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** The full label as a reader sees it: the groups and the row's own label. */
    public String fullLabel() {
        return String.join(" ", Stream.concat(path.stream(), Stream.of(label)).toList());
    }
}

package cn.gov.disclosure.contracts.catalogue;

import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One table of one template: its rows in document order, each with its columns. */
public record TableDef(TemplateVersion template, TableId id, String title, String cornerNote, List<RowDef> rows) {

    public TableDef {
        rows = List.copyOf(rows);
    }

    public Optional<RowDef> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public List<RowDef> rowsWithRole(RowRole role) {
        return rows.stream().filter(r -> r.role() == role).toList();
    }

    /** The distinct columns of the table, in first-seen order (Tables 3 and 4 share one set across rows). */
    public List<ColumnDef> columns() {
        Set<String> seen = new LinkedHashSet<>();
        return rows.stream()
                .flatMap(r -> r.columns().stream())
                .filter(c -> seen.add(c.key()))
                .toList();
    }

    /** Number of cells the table must hold. */
    public int cellCount() {
        return rows.stream().mapToInt(r -> r.columns().size()).sum();
    }

    /** The row groups in document order (Table 2: the article items; Table 3: 一 … 四). */
    public List<String> groups() {
        return rows.stream()
                .map(r -> r.path().isEmpty() ? r.label() : r.path().get(0))
                .distinct()
                .toList();
    }
}

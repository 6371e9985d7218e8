package cn.gov.disclosure.contracts.catalogue;

import java.util.List;
import java.util.stream.Stream;

/**
 * A column of a template table.
 *
 * @param key        stable English key used in code and JSON
 * @param label      the official Chinese label (cell text of the header)
 * @param aliases    other ways real reports write the label
 * @param headerPath the merged header cells above the label, outermost first (e.g. 申请人情况, 法人或其他组织)
 * @param kind       what the cells may hold
 * @param unit       the unit the template states in the label (万元), or {@code null} when the report must state it
 * @param maxScale   the most decimal places a money value may have, or -1 for no limit
 * @param role       how the column takes part in the row sums
 */
public record ColumnDef(
        String key,
        String label,
        List<String> aliases,
        List<String> headerPath,
        ValueKind kind,
        String unit,
        int maxScale,
        ColumnRole role) {

    public ColumnDef {
        aliases = List.copyOf(aliases);
        headerPath = List.copyOf(headerPath);
    }

    /** Every label this column is known by, the official one first. */
    public List<String> allLabels() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }
}

package cn.gov.disclosure.intake.importer;

import java.util.List;

/** What a page's table and a Word table are read alike by: where their value columns start, when a table is a frame. */
final class TableLayout {

    /** Numbers a frame may hold in its own cells (a page number under the table), fewer than any table row has. */
    static final int MAX_FRAME_FIGURES = 2;

    private TableLayout() {}

    /** Text of a label cell: not blank, no number, no blank marker (—, /, 无). */
    static boolean isLabel(String text) {
        return !Text.strip(text).isEmpty() && Text.number(text) == null && !Text.isBlankMarker(text);
    }

    /**
     * The first grid column of values, from the rows holding numbers (each a list of cell texts by grid column, blank
     * for none): the first column where a row holds a number, or where the labels end when that is earlier — a first
     * value column blank in every row (a township leaving its zeros blank) still starts where the labels end (0 when
     * no row holding numbers has a label before them).
     */
    static int firstValueColumn(List<List<String>> rows) {
        int firstValue = Integer.MAX_VALUE;
        int afterLabels = 0;
        for (List<String> cells : rows) {
            if (cells.stream().noneMatch(c -> Text.number(c) != null)) {
                continue;
            }
            for (int c = 0; c < cells.size(); c++) {
                if (Text.number(cells.get(c)) != null) {
                    firstValue = Math.min(firstValue, c);
                    break;
                }
                if (isLabel(cells.get(c))) {
                    afterLabels = Math.max(afterLabels, c + 1);
                }
            }
        }
        return Math.min(firstValue, afterLabels);
    }
}

package cn.gov.disclosure.publication.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Merged header cells from label paths, for either axis: columns from {@code ColumnDef.headerPath}, rows from
 * {@code RowDef.path}. Each item (a column, or a row) is a chain of labels, its groups outermost first and its own
 * label last; the header is {@code depth} = the longest chain deep. Consecutive items of the same group share one
 * merged cell. An item whose chain is shorter than the depth fills the missing levels as the template does: its
 * immediate group stretches when every item of that group has the same depth (Table 4: 行政复议 over two header rows,
 * its five results at the bottom), otherwise its own label does (Table 3: 自然人 and 总计 over two rows; （一）予以公开
 * over two label columns).
 */
final class HeaderSpans {

    /** One merged header cell: {@code level} along the depth, {@code index} along the items. */
    record Span(int level, int index, int levelSpan, int indexSpan, String text, boolean leaf) {}

    private HeaderSpans() {}

    static int depth(List<List<String>> groups) {
        return groups.stream().mapToInt(List::size).max().orElse(0) + 1;
    }

    /**
     * @param groups the groups of each item, outermost first
     * @param labels the own label of each item
     */
    static List<Span> of(List<List<String>> groups, List<String> labels) {
        int n = labels.size();
        int depth = depth(groups);
        Object[][] ids = new Object[depth][n];
        String[][] texts = new String[depth][n];
        for (int j = 0; j < n; j++) {
            List<String> path = groups.get(j);
            int extra = depth - (path.size() + 1);
            int stretch = path.isEmpty() || !uniform(groups, j) ? path.size() : path.size() - 1; // level that stretches
            int level = 0;
            for (int k = 0; k <= path.size(); k++) {
                boolean leaf = k == path.size();
                Object id = leaf ? new Leaf(j) : new Group(path.subList(0, k + 1), runStart(groups, j, k));
                String text = leaf ? labels.get(j) : path.get(k);
                int times = k == stretch ? extra + 1 : 1;
                for (int t = 0; t < times; t++) {
                    ids[level][j] = id;
                    texts[level][j] = text;
                    level++;
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        boolean[][] done = new boolean[depth][n];
        for (int r = 0; r < depth; r++) {
            for (int c = 0; c < n; c++) {
                if (done[r][c]) {
                    continue;
                }
                Object id = ids[r][c];
                int cs = 1;
                while (c + cs < n && id.equals(ids[r][c + cs])) {
                    cs++;
                }
                int rs = 1;
                while (r + rs < depth && id.equals(ids[r + rs][c])) {
                    rs++;
                }
                for (int a = r; a < r + rs; a++) {
                    for (int b = c; b < c + cs; b++) {
                        done[a][b] = true;
                    }
                }
                spans.add(new Span(r, c, rs, cs, texts[r][c], id instanceof Leaf));
            }
        }
        return spans;
    }

    /** Whether every item of item j's immediate group (the consecutive run sharing its whole path) is as deep as j. */
    private static boolean uniform(List<List<String>> groups, int j) {
        List<String> path = groups.get(j);
        for (int i = runStart(groups, j, path.size() - 1);
                i < groups.size() && startsWith(groups.get(i), path, path.size());
                i++) {
            if (groups.get(i).size() != path.size()) {
                return false;
            }
        }
        return true;
    }

    /** The first item of the consecutive run of items that share j's groups up to level k. */
    private static int runStart(List<List<String>> groups, int j, int k) {
        List<String> path = groups.get(j);
        int i = j;
        while (i > 0 && startsWith(groups.get(i - 1), path, k + 1)) {
            i--;
        }
        return i;
    }

    private static boolean startsWith(List<String> path, List<String> prefixOf, int length) {
        return path.size() >= length && path.subList(0, length).equals(prefixOf.subList(0, length));
    }

    private record Leaf(int index) {}

    private record Group(List<String> prefix, int runStart) {
        Group {
            prefix = List.copyOf(prefix);
            Objects.requireNonNull(prefix);
        }
    }
}

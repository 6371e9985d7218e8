package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's labels in matching form ({@link Text#key}), built once from {@link TemplateCatalogue}: the
 * importer keeps no list of rows of its own.
 */
final class LabelIndex {

    /**
     * Header words of the official tables that are no row, column or group of the catalogue: the first column's
     * header of Table 2 (信息内容). They are recognised as table text and ignored.
     */
    private static final List<String> LAYOUT_WORDS = List.of("信息内容");

    static final LabelIndex INSTANCE = new LabelIndex();

    /** Every label of a table in either template: rows, groups, columns, column groups, title, corner note. */
    private final Map<TableId, Set<String>> known = new EnumMap<>(TableId.class);
    /** Row label (and alias, and unambiguous label without enumerator) → row, per template and table. */
    private final Map<TemplateVersion, Map<TableId, Map<String, RowDef>>> rows = new EnumMap<>(TemplateVersion.class);
    /** The labels of Tables 2 and 3 that only one template has: they tell the template. */
    private final Map<TemplateVersion, Set<String>> unique = new EnumMap<>(TemplateVersion.class);
    /** Row labels of one template that are only a group heading in the other (2019: （六）其他处理). */
    private final Map<TemplateVersion, Set<String>> rowsOnlyHere = new EnumMap<>(TemplateVersion.class);
    /** The titles of each table in either template, in matching form. */
    private final Map<TableId, Set<String>> titles = new EnumMap<>(TableId.class);
    /** Every label of all tables (exact), to tell a table line from a section heading. */
    private final Set<String> allLabels = new LinkedHashSet<>();

    private LabelIndex() {
        for (TableId id : TableId.values()) {
            Set<String> set = new LinkedHashSet<>();
            for (TemplateVersion t : TemplateVersion.values()) {
                TableDef def = TemplateCatalogue.table(t, id);
                set.add(Text.key(def.title()));
                titles.computeIfAbsent(id, x -> new LinkedHashSet<>()).add(Text.key(def.title()));
                if (def.cornerNote() != null) {
                    set.add(Text.key(def.cornerNote()));
                }
                for (RowDef row : def.rows()) {
                    row.allLabels().forEach(l -> set.add(Text.key(l)));
                    row.path().forEach(l -> set.add(Text.key(l)));
                    for (ColumnDef c : row.columns()) {
                        c.allLabels().forEach(l -> set.add(Text.key(l)));
                        c.headerPath().forEach(l -> set.add(Text.key(l)));
                    }
                }
            }
            if (id == TableId.ACTIVE_DISCLOSURE) {
                LAYOUT_WORDS.forEach(w -> set.add(Text.key(w)));
            }
            set.remove("");
            known.put(id, Collections.unmodifiableSet(set));
            allLabels.addAll(set);
        }
        for (TemplateVersion t : TemplateVersion.values()) {
            Map<TableId, Map<String, RowDef>> perTable = new EnumMap<>(TableId.class);
            for (TableId id : TableId.values()) {
                perTable.put(id, rowKeys(TemplateCatalogue.table(t, id), known.get(id)));
            }
            rows.put(t, perTable);
        }
        for (TemplateVersion t : TemplateVersion.values()) {
            Set<String> mine = labelsOf(t);
            for (TemplateVersion other : TemplateVersion.values()) {
                if (other != t) {
                    mine.removeAll(labelsOf(other));
                }
            }
            unique.put(t, Collections.unmodifiableSet(mine));
        }
        for (TemplateVersion t : TemplateVersion.values()) {
            Set<String> set = new LinkedHashSet<>();
            for (TableId id : TableId.values()) {
                for (RowDef row : TemplateCatalogue.table(t, id).rows()) {
                    for (TemplateVersion other : TemplateVersion.values()) {
                        if (other == t) {
                            continue;
                        }
                        boolean rowThere = TemplateCatalogue.table(other, id).rows().stream()
                                .anyMatch(r -> r.key().equals(row.key())
                                        || r.allLabels().contains(row.label()));
                        boolean groupThere = TemplateCatalogue.table(other, id).rows().stream()
                                .anyMatch(r -> r.path().contains(row.label()));
                        if (!rowThere && groupThere) {
                            row.allLabels().forEach(l -> set.add(Text.key(l)));
                        }
                    }
                }
            }
            rowsOnlyHere.put(t, Collections.unmodifiableSet(set));
        }
    }

    private static Map<String, RowDef> rowKeys(TableDef def, Set<String> knownLabels) {
        Map<String, RowDef> exact = new LinkedHashMap<>();
        for (RowDef row : def.rows()) {
            for (String label : row.allLabels()) {
                String key = Text.key(label);
                exact.putIfAbsent(key, row);
                exact.putIfAbsent(commaForPause(key), row);
            }
        }
        // A row may also be written without its enumerator (属于国家秘密 for 1.属于国家秘密) when that is unambiguous.
        Map<String, List<RowDef>> cores = new HashMap<>();
        for (RowDef row : def.rows()) {
            for (String label : row.allLabels()) {
                String key = Text.key(label);
                String core = Text.core(key);
                if (!core.equals(key) && core.length() >= 3) {
                    List<RowDef> list = cores.computeIfAbsent(core, c -> new ArrayList<>());
                    if (!list.contains(row)) {
                        list.add(row);
                    }
                }
            }
        }
        Map<String, RowDef> all = new LinkedHashMap<>(exact);
        cores.forEach((core, list) -> {
            if (list.size() == 1 && !knownLabels.contains(core) && !exact.containsKey(core)) {
                all.putIfAbsent(core, list.get(0));
            }
        });
        return Collections.unmodifiableMap(all);
    }

    /**
     * The label with a comma where the template has the enumeration comma 、 inside it (逾期不补正, 行政机关不再处理…:
     * a conversion or a clerk's typing), the enumerator kept as it is (一、 stays).
     */
    static String commaForPause(String key) {
        String core = Text.core(key);
        return key.substring(0, key.length() - core.length()) + core.replace('、', ',');
    }

    private static Set<String> labelsOf(TemplateVersion t) {
        Set<String> set = new LinkedHashSet<>();
        for (TableId id : List.of(TableId.ACTIVE_DISCLOSURE, TableId.APPLICATIONS)) {
            for (RowDef row : TemplateCatalogue.table(t, id).rows()) {
                row.allLabels().forEach(l -> set.add(Text.key(l)));
                row.path().forEach(l -> set.add(Text.key(l)));
                for (ColumnDef c : row.columns()) {
                    c.allLabels().forEach(l -> set.add(Text.key(l)));
                }
            }
        }
        return set;
    }

    /** Every row label of the template's table in matching form (also aliases and unambiguous labels without enumerator). */
    Map<String, RowDef> rowLabels(TemplateVersion t, TableId id) {
        return rows.get(t).get(id);
    }

    /** Every label of the table (rows, groups, columns, title, corner note) in matching form, either template. */
    Set<String> knownLabels(TableId id) {
        return known.get(id);
    }

    /** The row a label names in the given template's table, or {@code null}. */
    RowDef row(TemplateVersion t, TableId id, String key) {
        return rows.get(t).get(id).get(key);
    }

    /**
     * The row whose label ends the key when what stands before it is table text: a group and its item in one cell
     * (不予公开1.属于国家秘密, 行政诉讼未经复议直接起诉). The longest such label wins; {@code null} when none.
     */
    RowDef rowBySuffix(TemplateVersion t, TableId id, String key) {
        RowDef best = null;
        int bestLength = 0;
        for (Map.Entry<String, RowDef> e : rows.get(t).get(id).entrySet()) {
            String label = e.getKey();
            if (label.length() >= 2
                    && key.length() > label.length()
                    && key.endsWith(label)
                    && label.length() > bestLength
                    && isKnownText(id, key.substring(0, key.length() - label.length()))) {
                best = e.getValue();
                bestLength = label.length();
            }
        }
        return best;
    }

    /** Whether the key ends with a row label of the table (either template) after table text (see {@link #rowBySuffix}). */
    boolean rowBySuffixInAny(TableId id, String key) {
        for (TemplateVersion t : TemplateVersion.values()) {
            if (rowBySuffix(t, id, key) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key is the start (not the whole) of a row label of the template's table. */
    boolean isRowPrefix(TemplateVersion t, TableId id, String key) {
        if (key.length() < 2) {
            return false;
        }
        for (String label : rows.get(t).get(id).keySet()) {
            if (label.length() > key.length() && label.startsWith(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key is the start of a row label of the table in either template. */
    boolean isAnyRowPrefix(TableId id, String key) {
        for (TemplateVersion t : TemplateVersion.values()) {
            if (isRowPrefix(t, id, key) || row(t, id, key) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caption over a table with its number: documents number their tables after the section (表二 under 二、) or
     * from one (表1 under 二、), so any number of the six sections is taken.
     */
    private static final Pattern NUMBERED_CAPTION = Pattern.compile("^表[1-6一二三四五六][:、.]?");

    /** Whether the key is a label of the table or a piece of one (a header split over cells: 结果 / 维持). */
    boolean isKnownText(TableId id, String key) {
        if (key.isEmpty()) {
            return false;
        }
        Matcher caption = NUMBERED_CAPTION.matcher(key);
        if (caption.find() && titles.get(id).contains(key.substring(caption.end()))) {
            return true; // 表二：主动公开政府信息情况
        }
        for (String label : known.get(id)) {
            if (label.contains(key)) {
                return true;
            }
        }
        return false;
    }

    boolean isExactLabel(TableId id, String key) {
        return known.get(id).contains(key) || isAnyRowPrefix(id, key) && key.length() >= 2;
    }

    /** Whether the key is exactly a label of any table (a table line, never a section heading). */
    boolean isAnyTableLabel(String key) {
        return allLabels.contains(key);
    }

    /** Labels that are a row with numbers in this template and only a group heading in the other. */
    Set<String> rowsThatAreGroupsElsewhere(TemplateVersion t) {
        return rowsOnlyHere.get(t);
    }

    Set<String> uniqueLabels(TemplateVersion t) {
        return unique.get(t);
    }
}

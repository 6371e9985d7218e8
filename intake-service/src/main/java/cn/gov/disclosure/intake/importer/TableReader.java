package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table from its tokens against the template's catalogue table.
 *
 * <p>Row layout (Tables 2 and 3, and Table 4 written row by row): a row label, then the numbers of that row, in
 * the row's column order. A label may be split over cells or lines (其他对外管理 / 服务事项), also around its numbers
 * (1. 本机关不 / 0 … 0 / 无法提供 / 掌握相关政府信息): a piece that starts a row label waits for the rest.
 *
 * <p>Flat layout (Table 4 as the template prints it): the headers, then all numbers of the table in one run; they
 * fill the rows' columns in catalogue order.
 *
 * <p>More numbers than columns: imported with a note when every reading (dropping any of the extra numbers)
 * gives the same values, otherwise a problem. Fewer: imported when empty cells between the numbers say which
 * columns are empty, otherwise a problem.
 */
final class TableReader {

    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\([^()]*\\)$");
    private static final Pattern GROUP_AND_ROW = Pattern.compile("^([^()]+)\\(([^()]+)\\)$");
    private static final int MAX_READINGS = 5000;

    private final LabelIndex index = LabelIndex.INSTANCE;
    private final TemplateVersion template;
    private final TableId id;
    private final TableDef def;
    private final List<Token> tokens;
    private final Findings findings;

    private final Map<String, Map<String, Cell>> found = new HashMap<>();
    private final Map<String, Integer> labelOnly = new LinkedHashMap<>();
    private final Map<String, String> headerUnits = new HashMap<>();
    /** Where each cell of a row read came from, by row and column. */
    private final Map<String, Map<String, CellSource>> sourceOf = new HashMap<>();
    /** Blank cells kept blank, by column (noted once per pattern at the end, not once per cell). */
    private final Map<ColumnDef, List<Blank>> blanks = new LinkedHashMap<>();

    private Open current;
    private Pending pending;
    private String lastLabel;
    private boolean orphanNoted;

    TableReader(TemplateVersion template, TableId id, List<Token> tokens, Findings findings) {
        this.template = template;
        this.id = id;
        this.def = TemplateCatalogue.table(template, id);
        this.tokens = tokens;
        this.findings = findings;
    }

    /** The table, or {@code null} when the tokens hold none of its cells. */
    ReportTable read() {
        readHeaderUnits();
        if (headerOutOfOrder()) {
            return null;
        }
        int flatStart = flatStart();
        if (flatStart >= 0) {
            readFlat(flatStart);
        } else {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() == Token.Kind.LABEL) {
                    label(t, i);
                } else {
                    value(t);
                }
            }
            closeCurrent();
            abandonPending();
        }
        return build();
    }

    /**
     * The table read from lines whose value rows are detached from their labels (a PDF-to-Markdown conversion: some
     * pipe rows carry their label, others only their numbers, the labels scattered in the text between). A data line
     * is one with exactly a row's number of value cells (numbers or blanks), after its label if it has one. The
     * labelled data lines anchor their rows; the unlabelled ones fill the catalogue rows between two anchors in order,
     * which is only done when their count is exactly the number of rows between — otherwise {@code null} (the reading
     * is not certain). Tables whose rows have different widths are not read this way.
     */
    ReportTable readAligned(List<SourceLine> region) {
        readHeaderUnits();
        if (headerOutOfOrder()) {
            return null;
        }
        List<RowDef> rows = def.rows();
        int m = rows.get(0).columns().size();
        if (rows.stream().anyMatch(r -> r.columns().size() != m) || rows.size() < 3) {
            return null;
        }
        List<Integer> anchors = new ArrayList<>(); // catalogue index or -1, per data line
        List<List<Token>> values = new ArrayList<>();
        List<Integer> dataLines = new ArrayList<>();
        List<Integer> strays = new ArrayList<>();
        for (SourceLine line : region) {
            List<String> cells = new ArrayList<>(
                    Token.cells(line.text()).stream().map(Text::cell).toList());
            if (!cells.isEmpty() && cells.get(0).isEmpty() && cells.size() > 1) {
                cells.remove(0);
            }
            cells.removeIf(Text::isSeparator);
            int k = cells.size();
            while (k > 0 && isValueCell(cells.get(k - 1))) {
                k--;
            }
            List<String> vals = new ArrayList<>(cells.subList(k, cells.size()));
            while (vals.size() > m && vals.get(vals.size() - 1).isEmpty()) {
                vals.remove(vals.size() - 1);
            }
            boolean anyNumber = vals.stream().anyMatch(v -> Text.number(v) != null);
            if (!anyNumber) {
                continue;
            }
            if (vals.size() != m) {
                strays.add(line.number());
                continue;
            }
            String label = Text.key(String.join("", cells.subList(0, k)));
            int anchor = -1;
            if (!label.isEmpty()) {
                RowDef row = rowFor(label, true);
                if (row == null) {
                    return null; // a label that is no row of the template: not this layout
                }
                anchor = rows.indexOf(row);
            }
            anchors.add(anchor);
            dataLines.add(line.number());
            List<Token> tokens = new ArrayList<>();
            for (String v : vals) {
                Text.Num n = Text.number(v);
                tokens.add(
                        n != null
                                ? new Token(Token.Kind.NUMBER, line.number(), v, Text.key(v), n)
                                : new Token(Token.Kind.EMPTY, line.number(), v, "", null));
            }
            values.add(tokens);
        }
        // every gap between anchors must hold exactly the rows between them
        int[] assigned = new int[anchors.size()];
        int previous = -1;
        int i = 0;
        while (i <= anchors.size()) {
            int j = i;
            while (j < anchors.size() && anchors.get(j) < 0) {
                j++;
            }
            int next = j < anchors.size() ? anchors.get(j) : rows.size();
            if (next <= previous || j - i != next - previous - 1) {
                return null;
            }
            for (int g = i; g < j; g++) {
                assigned[g] = previous + 1 + (g - i);
            }
            if (j < anchors.size()) {
                assigned[j] = next;
            }
            previous = next;
            i = j + 1;
        }
        if (anchors.stream().noneMatch(a -> a >= 0)) {
            return null;
        }
        for (int d = 0; d < assigned.length; d++) {
            RowDef row = rows.get(assigned[d]);
            List<Slot> slots = row.columns().stream().map(c -> new Slot(row, c)).toList();
            List<Text.Num> positional = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                Token v = values.get(d).get(c);
                positional.add(v.num());
                if (v.kind() == Token.Kind.EMPTY) {
                    blanks.computeIfAbsent(slots.get(c).column, x -> new ArrayList<>())
                            .add(new Blank(row, dataLines.get(d)));
                }
            }
            assign(
                    slots,
                    positional,
                    row.key(),
                    dataLines.get(d),
                    values.get(d).stream().map(Token::raw).toList(),
                    values.get(d));
        }
        long detached = anchors.stream().filter(a -> a < 0).count();
        if (detached > 0) {
            findings.note(
                    dataLines.get(0),
                    id.key(),
                    "表" + id.number() + "有 " + detached + " 个数据行与其行名分离（如由 PDF 转换的 Markdown），已按模板的行序对齐读取："
                            + "每段未标行名的数据行数与两侧已识别行之间的模板行数一致，请核对",
                    "Table " + id.number() + ": " + detached + " value rows stand apart from their labels; they were "
                            + "aligned to the template's rows in order (each run of unlabelled rows fits the rows between "
                            + "the labelled ones exactly); please check");
        }
        if (!strays.isEmpty()) {
            findings.unread(
                    strays.get(0),
                    id.key(),
                    "表" + id.number() + "第 "
                            + strays.stream()
                                    .map(String::valueOf)
                                    .reduce((a, b) -> a + "、" + b)
                                    .orElse("") + " 行的数字不成数据行，未导入",
                    "Table " + id.number() + ": the numbers on line(s) " + strays
                            + " form no value row and were not imported");
        }
        return build();
    }

    private static boolean isValueCell(String c) {
        return c.isEmpty() || Text.number(c) != null || Text.isBlankMarker(c);
    }

    private ReportTable build() {
        if (found.isEmpty()) {
            return null;
        }
        if (mostRowTotalsBroken()) {
            return null;
        }
        fillByArithmetic();
        noteBlanks();
        List<String> foreign = found.keySet().stream()
                .filter(k -> def.row(k).isEmpty())
                .sorted()
                .toList();
        ReportTable.Builder table = ReportTable.builder();
        List<RowDef> absent = new ArrayList<>();
        for (RowDef row : def.rows()) {
            Map<String, Cell> cells = found.get(row.key());
            if (cells == null) {
                absent.add(row);
                continue;
            }
            table.row(row.key());
            for (ColumnDef column : row.columns()) {
                Cell cell = cells.get(column.key());
                if (cell != null) {
                    table.put(row.key(), column.key(), cell);
                }
                CellSource source = sourceOf.getOrDefault(row.key(), Map.of()).get(column.key());
                if (source != null) {
                    findings.sources.add(source);
                }
            }
        }
        noteAbsent(absent);
        for (String key : foreign) {
            RowDef row = foreignDef(key);
            boolean subRowsRead =
                    def.rows().stream().anyMatch(r -> r.path().contains(row.label()) && found.containsKey(r.key()));
            if (subRowsRead) {
                // the group's own rows are there: the numbers after its heading are not a row of the document's
                findings.unread(
                        null,
                        key,
                        "表" + id.number() + "「" + row.label() + "」后的数值与其各分项同时出现，未导入，请核对",
                        "Table " + id.number() + ": the values after '" + row.label() + "' stand beside its items; "
                                + "not imported");
                continue;
            }
            table.row(key);
            found.get(key).forEach((c, v) -> table.put(key, c, v));
            findings.sources.addAll(sourceOf.getOrDefault(key, Map.of()).values());
            findings.note(
                    null,
                    key,
                    "表" + id.number() + "的「" + row.label() + "」只有一行，不是" + template.code()
                            + "版模板要求的分项；已按原文导入该行，未分摊到各分项，请按模板分项填写",
                    "Table " + id.number() + ": '" + row.label() + "' is one row, not the items the " + template.code()
                            + " template asks for; imported as written, not spread over the items");
        }
        return table.build();
    }

    /** The rows the document lacks, in one note per table (those with a label and no numbers named as such). */
    private void noteAbsent(List<RowDef> absent) {
        if (absent.isEmpty()) {
            return;
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (RowDef row : absent) {
            boolean labelled = labelOnly.containsKey(row.key());
            zh.add("「" + display(row) + "」" + (labelled ? "（只有行名，没有数值）" : ""));
            en.add("'" + row.key() + "'" + (labelled ? " (label only)" : ""));
        }
        RowDef first = absent.get(0);
        findings.note(
                labelOnly.get(first.key()),
                first.key(),
                "表" + id.number() + "缺少 " + absent.size() + " 行：" + String.join("、", zh),
                "Table " + id.number() + " lacks " + absent.size() + " row" + (absent.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", en));
    }

    private RowDef foreignDef(String key) {
        for (TemplateVersion other : TemplateVersion.values()) {
            var row = TemplateCatalogue.table(other, id).row(key);
            if (row.isPresent()) {
                return row.get();
            }
        }
        throw new IllegalStateException(key);
    }

    private record Blank(RowDef row, int line) {}

    /**
     * A blank cell whose value the table's own arithmetic fixes (the 总计 of a row whose parts are all there, confirmed
     * by the column's balance) is imported with that value and a note; every other blank stays blank.
     */
    /** The values read so far, by row and column (a blank cell's value is {@code null}). */
    private Map<TableRelations.Slot, BigDecimal> known() {
        Map<TableRelations.Slot, BigDecimal> known = new HashMap<>();
        found.forEach((row, cells) ->
                cells.forEach((col, cell) -> known.put(new TableRelations.Slot(row, col), cell.value())));
        return known;
    }

    private void fillByArithmetic() {
        List<TableRelations.Relation> relations = TableRelations.of(def);
        if (relations.isEmpty() || blanks.isEmpty()) {
            return;
        }
        Map<TableRelations.Slot, BigDecimal> known = known();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : blanks.entrySet()) {
                ColumnDef column = e.getKey();
                for (var it = e.getValue().iterator(); it.hasNext(); ) {
                    Blank b = it.next();
                    TableRelations.Slot slot = new TableRelations.Slot(b.row.key(), column.key());
                    BigDecimal v = TableRelations.fixedBy(relations, slot, known);
                    if (v == null) {
                        continue;
                    }
                    it.remove();
                    changed = true;
                    known.put(slot, v);
                    found.get(b.row.key()).put(column.key(), new Cell(v, null));
                    sourceOf.computeIfAbsent(b.row.key(), r -> new LinkedHashMap<>())
                            .put(
                                    column.key(),
                                    new CellSource(
                                            id.key(),
                                            b.row.key(),
                                            column.key(),
                                            null,
                                            b.line,
                                            "",
                                            CellSource.Reading.RESOLVED_BY_ARITHMETIC));
                    findings.note(
                            b.line,
                            b.row.key(),
                            "表" + id.number() + "「" + display(b.row) + "」行「" + column.label() + "」列在文档中为空；"
                                    + "行合计与列的勾稽关系都确定它为 " + v.toPlainString() + "，已按 " + v.toPlainString()
                                    + " 导入（按勾稽关系推算），请核对",
                            "Table " + id.number() + ", row " + b.row.key() + ", column " + column.key()
                                    + " is blank in the document; the row total and the column's balance both fix it at "
                                    + v.toPlainString() + ", imported as such (resolved by arithmetic); please check");
                }
            }
        }
        blanks.values().removeIf(List::isEmpty);
    }

    /** One note per pattern: the columns left blank in the same rows together (五列在全部 25 行为空). */
    private void noteBlanks() {
        Map<List<String>, List<ColumnDef>> byRows = new LinkedHashMap<>();
        Map<List<String>, List<Blank>> rowsOf = new HashMap<>();
        blanks.forEach((column, list) -> {
            List<String> rows = list.stream().map(b -> b.row.key()).toList();
            byRows.computeIfAbsent(rows, k -> new ArrayList<>()).add(column);
            rowsOf.put(rows, list);
        });
        byRows.forEach((rows, columns) -> {
            List<Blank> list = rowsOf.get(rows);
            String cols = columns.stream().map(c -> "「" + c.label() + "」").reduce("", String::concat);
            String colsEn =
                    String.join(", ", columns.stream().map(ColumnDef::key).toList());
            String where = rows.size() == found.size() && rows.size() > 1
                    ? "在读到的全部 " + rows.size() + " 行"
                    : rows.size() <= 6
                            ? "在"
                                    + rows.stream()
                                            .map(r -> "「" + display(r) + "」")
                                            .reduce("", String::concat) + "行"
                            : "在「" + display(rows.get(0)) + "」等 " + rows.size() + " 行";
            findings.note(
                    list.get(0).line(),
                    rows.get(0),
                    "表" + id.number() + cols + (columns.size() > 1 ? "共 " + columns.size() + " 列" : "列") + where
                            + "为空（共 " + rows.size() * columns.size() + " 个单元格），保留为空，未按 0 导入",
                    "Table " + id.number() + ": column" + (columns.size() > 1 ? "s " : " ") + colsEn + " blank in "
                            + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + " (" + rows.size() * columns.size()
                            + " cells), kept blank, not read as 0");
        });
    }

    // ------------------------------------------------------------------ header units

    private void readHeaderUnits() {
        for (ColumnDef column : def.columns()) {
            if (column.kind() != ValueKind.MONEY) {
                continue;
            }
            Set<String> labels = new LinkedHashSet<>();
            column.allLabels().forEach(l -> labels.add(Text.key(l)));
            String base = TRAILING_PARENTHESIS.matcher(Text.key(column.label())).replaceFirst("");
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() == Token.Kind.LABEL
                        && (labels.contains(t.key()) || t.key().contains(base))) {
                    // the label may wrap before its unit: 本年收费金额（单位： / 万元，保留4位小数）
                    String unit = Text.unitInLabel(
                            t.raw() + (i + 1 < tokens.size() ? tokens.get(i + 1).raw() : ""));
                    if (unit != null) {
                        headerUnits.put(column.key(), unit);
                        break;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ a reading gone wrong as a whole

    /**
     * Whether Table 3 was read with most of its rows' totals unequal to the sum of their columns: one or two rows is a
     * document's slip (the validator names them), most rows is a reading gone wrong — a column cut at the page's edge
     * by a PDF conversion (24 for 24004), columns shifted — and none of its figures can be trusted. A problem then.
     */
    private boolean mostRowTotalsBroken() {
        if (id != TableId.APPLICATIONS) {
            return false;
        }
        Map<TableRelations.Slot, BigDecimal> known = known();
        int checked = 0;
        List<String> broken = new ArrayList<>();
        Integer firstLine = null;
        for (TableRelations.Relation r : TableRelations.of(def)) {
            String row = r.slots().get(0).row();
            BigDecimal residual = r.residual(known);
            if (r.slots().stream().anyMatch(x -> !x.row().equals(row)) || residual == null) {
                continue; // a relation down a column, or a row with a cell not read
            }
            checked++;
            if (residual.signum() != 0) {
                broken.add(display(row));
                if (firstLine == null) {
                    firstLine = sourceOf.getOrDefault(row, Map.of()).values().stream()
                            .map(CellSource::line)
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse(null);
                }
            }
        }
        if (checked < 6 || broken.size() * 2 <= checked) {
            return false;
        }
        findings.problem(
                firstLine,
                id.key(),
                List.of(),
                "表3读到的 " + checked + " 行中有 " + broken.size() + " 行的总计不等于各列之和（如「" + broken.get(0)
                        + "」），这样的读法不可靠（常见原因：PDF 表格超出页面、某列被截断或错位），未导入；"
                        + "请上传原始的 Word 文档或网页，或在填报页面逐格录入",
                "Table 3: in " + broken.size() + " of the " + checked + " rows read the total is not the sum of the "
                        + "columns (e.g. '" + broken.get(0)
                        + "'): such a reading cannot be trusted (a PDF table cut at "
                        + "the page's edge, a column shifted); not imported. Please upload the original Word file or "
                        + "page, or enter the cells on the workspace page");
        return true;
    }

    // ------------------------------------------------------------------ header order

    /**
     * Whether the header before the table's first number names its columns (Tables 3 and 4) or Table 4's groups in
     * another order than the template's: the values are read by position, so a table whose header says 其他 before
     * 法律服务机构, or 复议后起诉 before 未经复议直接起诉, cannot be read so; it is a problem naming the header. Within
     * one line the columns must come in the template's order, the last column (总计) followed again by the first
     * (Table 4's three groups of 结果维持 … 总计 on one line).
     */
    private boolean headerOutOfOrder() {
        if (id != TableId.APPLICATIONS && id != TableId.REVIEWS_AND_LITIGATION) {
            return false;
        }
        List<ColumnDef> columns = def.rows().get(0).columns();
        Map<String, Integer> columnAt = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            for (String label : columns.get(c).allLabels()) {
                columnAt.putIfAbsent(Text.key(label), c);
            }
        }
        int previousLine = -1;
        int previous = -1;
        int previousRow = -1;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.NUMBER) {
                break;
            }
            if (t.kind() != Token.Kind.LABEL) {
                continue;
            }
            if (t.line() != previousLine) {
                previousLine = t.line();
                previous = -1;
            }
            Integer c = columnAt.get(t.key());
            if (c != null) {
                boolean wraps = previous == columns.size() - 1 && c == 0;
                if (previous >= 0 && c < previous && !wraps) {
                    return outOfOrder(
                            t, columns.get(previous).label(), columns.get(c).label());
                }
                previous = c;
                continue;
            }
            RowDef row = id == TableId.REVIEWS_AND_LITIGATION ? index.row(template, id, t.key()) : null;
            if (row != null) {
                int r = def.rows().indexOf(row);
                if (r < previousRow) {
                    return outOfOrder(t, def.rows().get(previousRow).label(), row.label());
                }
                previousRow = r;
            }
        }
        return false;
    }

    private boolean outOfOrder(Token t, String before, String after) {
        findings.problem(
                t.line(),
                id.key(),
                List.of(t.raw()),
                "表" + id.number() + "的表头中「" + before + "」在「" + after + "」之前，与模板的列序不同，数值无法按位置读取；"
                        + "请按模板的列序填写（或在填报页面逐格录入）",
                "Table " + id.number() + ": the header puts '" + before + "' before '" + after + "', not in the "
                        + "template's order; the values cannot be read by position. Please use the template's column "
                        + "order (or enter the cells on the workspace page)");
        return true;
    }

    // ------------------------------------------------------------------ flat layout

    /** The index of the first number when every number comes after every label (and they fill more than a row). */
    private int flatStart() {
        int lastLabel = -1;
        int first = -1;
        int numbers = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.LABEL) {
                lastLabel = i;
            } else if (t.kind() == Token.Kind.NUMBER) {
                numbers++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        int widest = def.rows().stream().mapToInt(r -> r.columns().size()).max().orElse(0);
        return first > lastLabel && numbers > widest && def.rows().size() > 1 ? first : -1;
    }

    private void readFlat(int start) {
        List<Slot> slots = new ArrayList<>();
        for (RowDef row : def.rows()) {
            for (ColumnDef column : row.columns()) {
                slots.add(new Slot(row, column));
            }
        }
        List<Token> values = new ArrayList<>();
        boolean failed = false;
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.BAD_NUMBER) {
                failed = true;
                notANumber(t, id.key(), tableName());
            }
            values.add(t);
        }
        if (!failed) {
            resolve(
                    values,
                    slots,
                    id.key(),
                    tableName() + "的数据行",
                    "the data row of " + tableNameEn(),
                    tokens.get(start).line());
        }
    }

    // ------------------------------------------------------------------ row layout

    private void value(Token t) {
        if (t.kind() == Token.Kind.BAD_NUMBER) {
            if (current != null) {
                current.failed = true;
                notANumber(t, current.row.key(), display(current.row));
            } else if (pending != null) {
                pending.failed = true;
                notANumber(t, null, pending.raw);
            } else {
                notANumber(t, null, lastLabel);
            }
            return;
        }
        if (current != null) {
            current.add(t);
        } else if (pending != null) {
            pending.add(t);
        } else if (t.kind() == Token.Kind.NUMBER && !orphanNoted) {
            orphanNoted = true;
            String label = lastLabel == null ? "" : "「" + lastLabel + "」";
            findings.unread(
                    t.line(),
                    null,
                    "表" + id.number() + "中的数值「" + t.raw() + "」"
                            + (label.isEmpty() ? "前没有行名" : "前的" + label + "不是" + template.code() + "版模板中该表的行")
                            + "，这些数值未导入",
                    "Table " + id.number() + ": the value '" + t.raw() + "' "
                            + (label.isEmpty()
                                    ? "has no row label before it"
                                    : "follows '" + lastLabel + "', which is no row of this table in the "
                                            + template.code() + " template")
                            + "; these values were not imported");
        }
    }

    private void label(Token t, int i) {
        String k = t.key();
        orphanNoted = false;
        if (current != null && current.numbers() == 0 && current.continuedBy(k)) {
            current.labelKey += k;
            current.lines.add(t.line());
            return;
        }
        if (pending != null) {
            String candidate = pending.text + k;
            RowDef row = rowFor(candidate, false);
            if (row != null) {
                closeCurrent();
                Pending p = pending;
                pending = null;
                current = new Open(row, p.line, candidate);
                current.lines.addAll(p.lines);
                current.lines.add(t.line());
                p.values.forEach(current::add);
                current.failed = p.failed;
                lastLabel = p.raw + t.raw();
                return;
            }
            if (index.isRowPrefix(template, id, candidate)) {
                pending.text = candidate;
                pending.raw += t.raw();
                pending.lines.add(t.line());
                return;
            }
        }
        RowDef row = rowFor(k, true);
        if (row != null) {
            closeCurrent();
            abandonPending();
            current = new Open(row, t.line(), k);
            lastLabel = t.raw();
            return;
        }
        RowDef foreign = foreignRow(k);
        if (foreign != null && Token.numberFollows(tokens, i)) {
            // （六）其他处理 with its numbers in a 2021-template table: the document's own row, read as written
            closeCurrent();
            abandonPending();
            current = new Open(foreign, t.line(), k);
            lastLabel = t.raw();
            return;
        }
        if (index.isRowPrefix(template, id, k)) {
            closeCurrent();
            abandonPending();
            pending = new Pending(k, t.raw(), t.line());
            lastLabel = t.raw();
            return;
        }
        if (index.isKnownText(id, k)) {
            // A piece of a group or header label (三、 / 本 / （三）不 of a vertical merged label, 予公开) between a
            // row's label and its numbers is layout, not the end of the row: only a row that has all its numbers ends.
            if (current == null || current.numbers() >= current.row.columns().size()) {
                closeCurrent();
                lastLabel = t.raw();
            }
            return;
        }
        // Text that is no label of this table.
        if (current != null && inCellPosition(current, t, i)) {
            current.failed = true;
            notANumber(t, current.row.key(), display(current.row));
            return;
        }
        if (pending != null && !pending.values.isEmpty() && pending.lines.contains(t.line())) {
            pending.failed = true;
            notANumber(t, null, pending.raw);
            return;
        }
        closeCurrent();
        lastLabel = t.raw();
    }

    /** A row of the other template's table that is only a group heading in this one (（六）其他处理), or {@code null}. */
    private RowDef foreignRow(String key) {
        for (TemplateVersion other : TemplateVersion.values()) {
            if (other == template) {
                continue;
            }
            RowDef row = index.row(other, id, key);
            if (row != null
                    && def.row(row.key()).isEmpty()
                    && def.rows().stream().anyMatch(r -> r.path().contains(row.label()))) {
                return row;
            }
        }
        return null;
    }

    /** The row the label names: exactly, without a trailing parenthesis, or (when allowed) as its last part. */
    private RowDef rowFor(String key, boolean bySuffix) {
        RowDef row = index.row(template, id, key);
        if (row == null) {
            String bare = TRAILING_PARENTHESIS.matcher(key).replaceFirst("");
            if (!bare.equals(key) && !bare.isEmpty()) {
                row = index.row(template, id, bare);
            }
        }
        if (row == null) {
            // a group with its row in brackets: 行政诉讼（未经复议直接起诉）, a sub-table's heading
            Matcher m = GROUP_AND_ROW.matcher(key);
            if (m.matches() && index.isKnownText(id, m.group(1))) {
                RowDef inner = index.row(template, id, m.group(2));
                row = inner != null && inner.path().stream().map(Text::key).anyMatch(m.group(1)::equals) ? inner : null;
            }
        }
        if (row == null && bySuffix) {
            row = index.rowBySuffix(template, id, key);
        }
        return row;
    }

    /** Whether unknown text stands where the open row has a cell: on its line, or among / before its numbers. */
    private boolean inCellPosition(Open open, Token t, int i) {
        int m = open.row.columns().size();
        int n = open.numbers();
        if (open.lines.contains(t.line())) {
            return true;
        }
        if (n > 0 && n < m) {
            return true;
        }
        if (n == 0) {
            int following = 0;
            for (int j = i + 1; j < tokens.size() && tokens.get(j).kind() != Token.Kind.LABEL; j++) {
                if (tokens.get(j).kind() != Token.Kind.EMPTY) {
                    following++;
                }
            }
            return following + 1 == m;
        }
        return false;
    }

    private void closeCurrent() {
        Open open = current;
        current = null;
        if (open == null || open.failed) {
            return;
        }
        if (open.numbers() == 0) {
            labelOnly.putIfAbsent(open.row.key(), open.line);
            return;
        }
        List<Slot> slots =
                open.row.columns().stream().map(c -> new Slot(open.row, c)).toList();
        resolve(
                open.values,
                slots,
                open.row.key(),
                "「" + display(open.row) + "」",
                "row '" + display(open.row) + "'",
                open.line);
    }

    private void abandonPending() {
        Pending p = pending;
        pending = null;
        if (p == null || p.failed) {
            return;
        }
        if (p.values.stream().anyMatch(v -> v.kind() == Token.Kind.NUMBER)) {
            findings.unread(
                    p.line,
                    null,
                    "表" + id.number() + "中的「" + p.raw + "」不是" + template.code() + "版模板中该表的行，其后的数值未导入",
                    "Table " + id.number() + ": '" + p.raw + "' is no row of this table in the " + template.code()
                            + " template; the values after it were not imported");
        }
    }

    // ------------------------------------------------------------------ numbers → cells

    /**
     * Puts the values into the slots: exactly as many numbers as slots; more, when every reading agrees; fewer, when
     * the empty cells between the numbers say where the gaps are.
     */
    private void resolve(List<Token> values, List<Slot> slots, String ref, String nameZh, String nameEn, int line) {
        if (values.size() == slots.size()
                && values.stream().map(Token::line).distinct().count() == 1
                && values.stream().anyMatch(v -> v.kind() == Token.Kind.EMPTY)
                && values.stream().allMatch(v -> v.kind() != Token.Kind.BAD_NUMBER)) {
            // one line with exactly the row's cells, blanks among them (&nbsp; at the end of an HTML row): positional
            List<Text.Num> positional = new ArrayList<>();
            for (int j = 0; j < values.size(); j++) {
                positional.add(values.get(j).num());
                if (values.get(j).kind() == Token.Kind.EMPTY) {
                    blanks.computeIfAbsent(slots.get(j).column, c -> new ArrayList<>())
                            .add(new Blank(slots.get(j).row, line));
                }
            }
            assign(slots, positional, ref, line, values.stream().map(Token::raw).toList(), values);
            return;
        }
        int first = 0;
        int last = values.size() - 1;
        while (first <= last && values.get(first).kind() == Token.Kind.EMPTY) {
            first++;
        }
        while (last >= first && values.get(last).kind() == Token.Kind.EMPTY) {
            last--;
        }
        List<Token> trimmed = values.subList(first, last + 1);
        List<Token> numbers =
                trimmed.stream().filter(v -> v.kind() == Token.Kind.NUMBER).toList();
        List<String> raw = numbers.stream().map(Token::raw).toList();
        int m = slots.size();
        int n = numbers.size();
        if (n == m) {
            assign(slots, numbers.stream().map(Token::num).toList(), ref, line, raw, numbers);
        } else if (n > m) {
            List<List<Text.Num>> readings =
                    readings(numbers.stream().map(Token::num).toList(), m);
            List<Text.Num> reading = readings.get(0);
            boolean same = readings.stream().allMatch(r -> sameValues(r, reading));
            if (same) {
                findings.note(
                        line,
                        ref,
                        nameZh + "有" + n + "个数值，模板为" + m + "列；去掉多余数值的各种读法（去掉第一个、最后一个……）结果相同，" + "已按模板的" + m + "列导入，请核对",
                        nameEn + " has " + n + " values but the template has " + m + " columns; every reading without "
                                + "the extra value" + (n - m > 1 ? "s" : "")
                                + " (dropping the first, the last, …) gives "
                                + "the same values, so the template's " + m + " columns were imported; please check");
                assign(slots, reading, ref, line, raw, null);
            } else {
                findings.problem(
                        line,
                        ref,
                        raw,
                        nameZh + "有" + n + "个数值，模板为" + m + "列，无法确定哪个数值是多余的：去掉不同的数值得到不同的结果",
                        nameEn + " has " + n + " values but the template has " + m + " columns; which value is extra "
                                + "cannot be told: dropping different values gives different results");
            }
        } else if (trimmed.size() == m) {
            List<Text.Num> positional = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                Token v = trimmed.get(j);
                positional.add(v.kind() == Token.Kind.NUMBER ? v.num() : null);
                if (v.kind() == Token.Kind.EMPTY) {
                    Slot s = slots.get(j);
                    blanks.computeIfAbsent(s.column, c -> new ArrayList<>()).add(new Blank(s.row, line));
                }
            }
            assign(slots, positional, ref, line, raw, trimmed);
        } else {
            findings.problem(
                    line,
                    ref,
                    trimmed.stream().map(Token::raw).toList(),
                    nameZh + "只有" + n + "个数值，模板为" + m + "列，无法确定缺少的是哪一列",
                    nameEn + " has only " + n + " values but the template has " + m + " columns; which column is "
                            + "missing cannot be told");
        }
    }

    /**
     * @param sources the token each value was read from, parallel to the slots ({@code null}: the values are one of
     *                several equal readings of a row with a value too many)
     */
    private void assign(
            List<Slot> slots, List<Text.Num> values, String ref, int line, List<String> raw, List<Token> sources) {
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        Map<String, Map<String, CellSource>> read = new LinkedHashMap<>();
        for (int j = 0; j < slots.size(); j++) {
            Slot s = slots.get(j);
            Map<String, Cell> row = cells.computeIfAbsent(s.row.key(), r -> new LinkedHashMap<>());
            Text.Num v = values.get(j);
            if (v != null && !Cell.isPlausible(v.value())) {
                findings.problem(
                        line,
                        ref,
                        raw,
                        "「" + s.row.fullLabel() + "」行「" + s.column.label() + "」列的数值 "
                                + v.value().toPlainString() + " 不是可能的数字（须小于 10 的 15 次方，小数不超过 " + Cell.MAX_SCALE + " 位）",
                        s.row.key() + ", column " + s.column.key() + ": "
                                + v.value().toPlainString() + " is no plausible figure (below 10^15, at most "
                                + Cell.MAX_SCALE + " decimals)");
                continue;
            }
            Token source = sources == null ? null : sources.get(j);
            if (v != null) {
                String unit = v.unit() != null
                        ? v.unit()
                        : s.column.kind() == ValueKind.MONEY ? headerUnits.get(s.column.key()) : null;
                row.put(s.column.key(), new Cell(v.value(), unit));
            }
            read.computeIfAbsent(s.row.key(), r -> new LinkedHashMap<>())
                    .put(
                            s.column.key(),
                            new CellSource(
                                    id.key(),
                                    s.row.key(),
                                    s.column.key(),
                                    null,
                                    source == null ? line : source.line(),
                                    source == null ? String.join(" ", raw) : source.raw(),
                                    v == null
                                            ? CellSource.Reading.BLANK
                                            : sources == null
                                                    ? CellSource.Reading.EXTRA_VALUE_DROPPED
                                                    : CellSource.Reading.WRITTEN));
        }
        if (sources != null) {
            for (int j = 0; j < slots.size(); j++) {
                String remark = sources.get(j) == null || values.get(j) == null
                        ? null
                        : Text.remark(sources.get(j).raw());
                if (remark != null) {
                    Slot s = slots.get(j);
                    findings.note(
                            sources.get(j).line(),
                            s.row.key(),
                            "表" + id.number() + "「" + s.row.fullLabel() + "」行「" + s.column.label() + "」列写作「"
                                    + sources.get(j).raw() + "」，已按 "
                                    + values.get(j).value().toPlainString()
                                    + " 导入，括号内的说明未导入，请核对",
                            "Table " + id.number() + ", row '" + s.row.fullLabel() + "', column '" + s.column.label()
                                    + "' reads '" + sources.get(j).raw() + "': imported as "
                                    + values.get(j).value().toPlainString() + ", the remark in brackets left out; "
                                    + "please check");
                }
            }
        }
        cells.forEach((rowKey, rowCells) -> {
            Map<String, Cell> before = found.get(rowKey);
            if (before == null) {
                found.put(rowKey, rowCells);
                sourceOf.put(rowKey, read.getOrDefault(rowKey, new LinkedHashMap<>()));
                labelOnly.remove(rowKey);
            } else if (before.equals(rowCells)) {
                findings.note(
                        line,
                        rowKey,
                        "表" + id.number() + "的行「" + display(rowKey) + "」出现了两次（数值相同）",
                        "Table " + id.number() + ": the row '" + display(rowKey) + "' appears twice (same values)");
            } else {
                findings.problem(
                        line,
                        rowKey,
                        raw,
                        "表" + id.number() + "的行「" + display(rowKey) + "」出现了两次，数值不同",
                        "Table " + id.number() + ": the row '" + display(rowKey)
                                + "' appears twice with different values");
            }
        });
    }

    /** Every way to drop the extra numbers (any of them); windows of consecutive numbers when there are too many. */
    private static List<List<Text.Num>> readings(List<Text.Num> numbers, int m) {
        int n = numbers.size();
        int k = n - m;
        List<List<Text.Num>> readings = new ArrayList<>();
        if (binomial(n, k) <= MAX_READINGS) {
            dropCombinations(numbers, k, 0, new ArrayList<>(), readings);
        } else {
            for (int s = 0; s + m <= n; s++) {
                readings.add(numbers.subList(s, s + m));
            }
        }
        return readings;
    }

    private static void dropCombinations(
            List<Text.Num> numbers, int k, int from, List<Integer> dropped, List<List<Text.Num>> out) {
        if (dropped.size() == k) {
            List<Text.Num> reading = new ArrayList<>();
            for (int j = 0; j < numbers.size(); j++) {
                if (!dropped.contains(j)) {
                    reading.add(numbers.get(j));
                }
            }
            out.add(reading);
            return;
        }
        for (int j = from; j < numbers.size(); j++) {
            dropped.add(j);
            dropCombinations(numbers, k, j + 1, dropped, out);
            dropped.remove(dropped.size() - 1);
        }
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int j = 1; j <= k; j++) {
            r = r * (n - k + j) / j;
            if (r > MAX_READINGS) {
                return r;
            }
        }
        return r;
    }

    private static boolean sameValues(List<Text.Num> a, List<Text.Num> b) {
        for (int j = 0; j < a.size(); j++) {
            if (!a.get(j).sameAs(b.get(j))) {
                return false;
            }
        }
        return true;
    }

    private void notANumber(Token t, String rowKey, String rowName) {
        String where = rowName == null ? "" : "「" + rowName + "」";
        findings.problem(
                t.line(),
                rowKey,
                List.of(t.raw()),
                "表" + id.number() + (where.isEmpty() ? "" : "的行" + where) + "中的「" + t.raw() + "」不是数字",
                "Table " + id.number() + (where.isEmpty() ? "" : ", row '" + rowName + "'") + ": '" + t.raw()
                        + "' is not a number");
    }

    // ------------------------------------------------------------------ names

    private String display(String rowKey) {
        return def.row(rowKey).map(this::display).orElse(rowKey);
    }

    /** The row as a reader finds it: Table 3's sub-items with their group, Table 4's rows with 行政诉讼. */
    private String display(RowDef row) {
        if (id == TableId.ACTIVE_DISCLOSURE || row.path().isEmpty()) {
            return row.label();
        }
        if (id == TableId.APPLICATIONS) {
            return row.path().size() >= 2 ? row.path().get(row.path().size() - 1) + " " + row.label() : row.label();
        }
        return row.fullLabel();
    }

    private String tableName() {
        return "表" + id.number() + "（" + def.title() + "）";
    }

    private String tableNameEn() {
        return "Table " + id.number() + " (" + def.title() + ")";
    }

    // ------------------------------------------------------------------ state

    private record Slot(RowDef row, ColumnDef column) {}

    /** A row whose label has been read, collecting its values. */
    private final class Open {
        final RowDef row;
        final int line;
        final Set<Integer> lines = new LinkedHashSet<>();
        final List<Token> values = new ArrayList<>();
        String labelKey;
        boolean failed;

        Open(RowDef row, int line, String labelKey) {
            this.row = row;
            this.line = line;
            this.labelKey = labelKey;
            lines.add(line);
        }

        void add(Token t) {
            values.add(t);
            if (t.kind() != Token.Kind.EMPTY) {
                lines.add(t.line());
            }
        }

        int numbers() {
            return (int)
                    values.stream().filter(v -> v.kind() == Token.Kind.NUMBER).count();
        }

        /** Whether the text continues the row's label (（二）部分公开 / （区分处理的，…）). */
        boolean continuedBy(String key) {
            String longer = labelKey + key;
            for (String label : row.allLabels()) {
                if (Text.key(label).startsWith(longer)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The start of a row label, waiting for the rest (possibly with the row's numbers in between). */
    private static final class Pending {
        String text;
        String raw;
        final int line;
        final Set<Integer> lines = new LinkedHashSet<>();
        final List<Token> values = new ArrayList<>();
        boolean failed;

        Pending(String text, String raw, int line) {
            this.text = text;
            this.raw = raw;
            this.line = line;
            lines.add(line);
        }

        void add(Token t) {
            values.add(t);
            if (t.kind() != Token.Kind.EMPTY) {
                lines.add(t.line());
            }
        }
    }
}

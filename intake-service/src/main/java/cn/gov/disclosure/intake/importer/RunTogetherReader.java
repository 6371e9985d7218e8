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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table whose cells run together without separators (an archive's text of a portal page:
 * {@code 一、本年新收政府信息公开申请数量640020470} is 64, 0, 0, 2, 0, 4, 70).
 *
 * <p>The text is cut at the catalogue's labels; the digits after a row label are that row's, the digits after the
 * table's last label fill every cell of the table in catalogue order (Table 4 as the template prints it). Only the
 * table's own arithmetic ({@link TableRelations}) can tell the cells apart: every way to cut the digits into the row's
 * cells (no leading zeros, the column's kind of number) is tried, those that break a relation are dropped, and the
 * relations across rows then decide between what is left. A row with exactly one reading is imported (noted as resolved
 * by arithmetic when a cell has more than one digit); a row with several is left out and noted with its readings —
 * one of several is never picked; a row with none is left out and noted.
 */
final class RunTogetherReader {

    private static final int MAX_SPLITS = 2000;
    private static final int MAX_SOLUTIONS = 64;
    private static final long MAX_COMBINATIONS = 200_000;
    private static final int MAX_DIGITS_PER_CELL = 12;

    private final TemplateVersion template;
    private final TableId id;
    private final TableDef def;
    private final Findings findings;
    private final List<TableRelations.Relation> relations;
    private final int line;

    RunTogetherReader(TemplateVersion template, TableId id, Findings findings, int line) {
        this.template = template;
        this.id = id;
        this.def = TemplateCatalogue.table(template, id);
        this.findings = findings;
        this.relations = TableRelations.of(def);
        this.line = line;
    }

    /** A piece of the table: the digits standing after a row label (or after every label: {@code row == null}). */
    private record Run(RowDef row, String digits, String unit) {
        String shown() {
            return digits.replace(GAP, ' ') + (unit == null ? "" : unit);
        }
    }

    /** Stands for white space between two digits: a hint where a cell ends, used when it fits the cells. */
    static final char GAP = '\uE000';

    private static final Pattern DIGIT_SPACE = Pattern.compile("(?<=\\d)\\s+(?=\\d)");

    /** The text in matching form ({@link Text#key}) with the white space between two digits kept as {@link #GAP}. */
    static String norm(String text) {
        return Text.key(DIGIT_SPACE.matcher(Text.nfkc(text)).replaceAll(String.valueOf(GAP)));
    }

    /**
     * Whether a line holds cells run together: a row label of the table directly followed by digits three times, or
     * (Table 4) fifteen digits or more that their spaces (if any) cut into fewer pieces than the table's fifteen cells
     * (as many pieces or more: a spaced row, read as such).
     */
    static boolean applies(TemplateVersion template, TableId id, String text) {
        String key = norm(text);
        int hits = 0;
        for (String label : LabelIndex.INSTANCE.rowLabels(template, id).keySet()) {
            int at = key.indexOf(label);
            if (at >= 0 && at + label.length() < key.length() && Character.isDigit(key.charAt(at + label.length()))) {
                hits++;
            }
        }
        if (hits >= 3) {
            return true;
        }
        if (id != TableId.REVIEWS_AND_LITIGATION) {
            return false;
        }
        int cells = TemplateCatalogue.table(template, id).rows().stream()
                .mapToInt(r -> r.columns().size())
                .sum();
        Matcher m = Pattern.compile("[\\d" + GAP + "]+").matcher(key);
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            int groups = run.split(String.valueOf(GAP), -1).length;
            if (digits >= cells && groups < cells) {
                return true;
            }
        }
        return false;
    }

    ReportTable read(String text) {
        List<Run> runs = cut(norm(text));
        if (runs.isEmpty()) {
            return null;
        }
        Map<TableRelations.Slot, BigDecimal> fixed = new HashMap<>();
        Map<Run, List<List<BigDecimal>>> choices = new LinkedHashMap<>();
        Map<Run, List<TableRelations.Slot>> slotsOf = new LinkedHashMap<>();
        for (Run run : runs) {
            List<TableRelations.Slot> slots = new ArrayList<>();
            List<ColumnDef> columns = new ArrayList<>();
            for (RowDef row : run.row == null ? def.rows() : List.of(run.row)) {
                for (ColumnDef c : row.columns()) {
                    slots.add(new TableRelations.Slot(row.key(), c.key()));
                    columns.add(c);
                }
            }
            slotsOf.put(run, slots);
            List<List<BigDecimal>> splits = splits(run.digits, columns, slots);
            if (splits.isEmpty()) {
                findings.unread(
                        line,
                        key(run),
                        "表" + id.number() + name(run) + "的数字「" + run.shown() + "」连写在一起，" + "按各列的数字类型和表内勾稽关系都无法拆分为 "
                                + slots.size() + " 个单元格，未导入，请核对原文",
                        "Table " + id.number() + nameEn(run) + ": the digits '" + run.shown()
                                + "' run together and cannot "
                                + "be cut into " + slots.size()
                                + " cells that fit the columns and the table's arithmetic; "
                                + "not imported");
                continue;
            }
            choices.put(run, splits);
        }
        List<Map<TableRelations.Slot, BigDecimal>> solutions = solve(choices, slotsOf, fixed);
        // each row's one cut is still weighed against the columns (contradictedByColumns): when the document does not
        // add up, the cut that fits a row's own total is not what it prints if that total is the typo (12,0,…,21 cut
        // as 1,20,…,21)
        if (solutions == null) {
            solutions = List.of();
        }
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        for (var e : choices.entrySet()) {
            Run run = e.getKey();
            List<TableRelations.Slot> slots = slotsOf.get(run);
            Set<List<BigDecimal>> readings = new LinkedHashSet<>();
            if (solutions.isEmpty()) {
                readings.addAll(e.getValue());
            } else {
                for (var sol : solutions) {
                    readings.add(slots.stream().map(sol::get).toList());
                }
            }
            if (readings.size() != 1) {
                List<String> shown =
                        readings.stream().limit(6).map(RunTogetherReader::show).toList();
                findings.unread(
                        line,
                        key(run),
                        "表" + id.number() + name(run) + "的数字「" + run.shown() + "」连写在一起，有 "
                                + (readings.size() > 6 ? "多于 6" : String.valueOf(readings.size())) + " 种拆分都符合表内勾稽关系（"
                                + String.join("；", shown) + (readings.size() > 6 ? "；……" : "") + "），无法确定，未导入，请按原文填写",
                        "Table " + id.number() + nameEn(run) + ": the digits '" + run.shown() + "' run together; "
                                + readings.size() + " readings fit the table's arithmetic (" + String.join("; ", shown)
                                + "); which one is meant cannot be told; not imported");
                continue;
            }
            List<BigDecimal> reading = readings.iterator().next();
            boolean oneDigitEach = run.digits.replace(String.valueOf(GAP), "").length() == slots.size()
                    || run.digits.split(String.valueOf(GAP)).length == slots.size();
            if (!oneDigitEach && slots.size() > 1 && contradictedByColumns(run, reading, choices, slotsOf)) {
                findings.unread(
                        line,
                        key(run),
                        "表" + id.number() + name(run) + "的数字「" + run.shown() + "」连写在一起，按勾稽关系只能拆分为 " + show(reading)
                                + "，但这一拆分与各列的合计相矛盾（可能原文本行有误），无法确认，未导入，请按原文填写",
                        "Table " + id.number() + nameEn(run) + ": the digits '" + run.shown()
                                + "' run together and the arithmetic only allows " + show(reading) + ", but that cut "
                                + "contradicts the columns' totals (the row may hold the document's error); not "
                                + "imported");
                continue;
            }
            for (int i = 0; i < slots.size(); i++) {
                findings.source(
                        id.key(),
                        slots.get(i).row(),
                        slots.get(i).column(),
                        line,
                        run.shown(),
                        oneDigitEach ? CellSource.Reading.WRITTEN : CellSource.Reading.RESOLVED_BY_ARITHMETIC);
                String unit = i == slots.size() - 1 && run.unit != null && isMoney(slots.get(i))
                        ? run.unit
                        : unitOf(slots.get(i));
                rows.computeIfAbsent(slots.get(i).row(), r -> new LinkedHashMap<>())
                        .put(slots.get(i).column(), new Cell(reading.get(i), unit));
            }
            if (slots.size() > 1
                    && run.digits
                                    .replace(".", "")
                                    .replace(String.valueOf(GAP), "")
                                    .length()
                            != slots.size()) {
                findings.note(
                        line,
                        key(run),
                        "表" + id.number() + name(run) + "的数字「" + run.shown() + "」连写在一起，" + "只有一种拆分符合表内勾稽关系，已按 "
                                + show(reading) + " 导入（按勾稽关系拆分），请核对",
                        "Table " + id.number() + nameEn(run) + ": the digits '" + run.shown()
                                + "' run together; exactly "
                                + "one reading fits the table's arithmetic and was imported: " + show(reading)
                                + " (resolved by arithmetic); please check");
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        ReportTable.Builder table = ReportTable.builder();
        for (RowDef row : def.rows()) {
            Map<String, Cell> cells = rows.get(row.key());
            if (cells == null) {
                continue;
            }
            table.row(row.key());
            cells.forEach((c, v) -> table.put(row.key(), c, v));
        }
        return table.build();
    }

    // ------------------------------------------------------------------ cutting the text at labels

    /**
     * The runs of digits and the row label before each, scanning the text for the longest label at each place (a
     * label that starts with its enumerator wins over a digit: …00000003.危及… is 0000000 and 3.危及).
     */
    private List<Run> cut(String key) {
        Map<String, RowDef> rowLabels = LabelIndex.INSTANCE.rowLabels(template, id);
        Set<String> known = LabelIndex.INSTANCE.knownLabels(id);
        List<Run> runs = new ArrayList<>();
        RowDef current = null;
        boolean afterLabel = false;
        StringBuilder digits = new StringBuilder();
        int i = 0;
        while (i < key.length()) {
            String row = longest(key, i, rowLabels.keySet());
            String other = longest(key, i, known);
            if (row != null && (other == null || row.length() >= other.length())) {
                flush(runs, current, digits, afterLabel);
                current = rowLabels.get(row);
                afterLabel = true;
                i += row.length();
                continue;
            }
            if (other != null && !Character.isDigit(key.charAt(i))) {
                flush(runs, current, digits, afterLabel);
                current = null;
                afterLabel = true;
                i += other.length();
                continue;
            }
            char c = key.charAt(i);
            String unit = digits.isEmpty() ? null : moneyUnit(key, i);
            if (unit != null) {
                // 政府集中采购00元: the unit of money ends the run and belongs to its last cell
                runs.add(new Run(current, trimGaps(digits), unit));
                digits.setLength(0);
                afterLabel = false;
                i += unit.length();
                continue;
            }
            if (Character.isDigit(c)
                    || c == GAP && !digits.isEmpty()
                    || c == '.' && !digits.isEmpty()
                    || c == '-' && digits.isEmpty()) {
                digits.append(c);
            } else {
                flush(runs, current, digits, afterLabel);
                current = null;
                afterLabel = false;
            }
            i++;
        }
        flush(runs, current, digits, afterLabel);
        // digits after a text that is no row label: the whole table in one run (flat), only when it is the only run
        List<Run> flat = runs.stream().filter(r -> r.row == null).toList();
        if (!flat.isEmpty() && (runs.size() > 1 || def.rows().size() == 1)) {
            runs.removeIf(r -> r.row == null);
        }
        return runs;
    }

    private static void flush(List<Run> runs, RowDef row, StringBuilder digits, boolean afterLabel) {
        String d = trimGaps(digits);
        if (!d.isEmpty() && afterLabel) {
            runs.add(new Run(row, d, null));
        }
        digits.setLength(0);
    }

    private static String trimGaps(StringBuilder digits) {
        String d = digits.toString();
        while (!d.isEmpty() && d.charAt(d.length() - 1) == GAP) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    private static String moneyUnit(String key, int at) {
        for (String unit : Text.MONEY_UNITS.split("\\|")) {
            if (key.startsWith(unit, at)) {
                return unit;
            }
        }
        return null;
    }

    private static String longest(String key, int at, Set<String> labels) {
        String best = null;
        for (String l : labels) {
            if (l.length() >= 2 && key.startsWith(l, at) && (best == null || l.length() > best.length())) {
                best = l;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ readings

    /** Every way to cut the digits into the cells that fits the columns and the relations within these cells. */
    private List<List<BigDecimal>> splits(String digits, List<ColumnDef> columns, List<TableRelations.Slot> slots) {
        List<TableRelations.Relation> inside =
                relations.stream().filter(r -> slots.containsAll(r.slots())).toList();
        List<List<BigDecimal>> out = new ArrayList<>();
        String[] groups = digits.split(String.valueOf(GAP));
        if (groups.length == columns.size() && groups.length > 1) {
            // the spaces cut the digits into exactly the row's cells: that is the reading, as written
            List<BigDecimal> reading = new ArrayList<>();
            for (int i = 0; i < groups.length; i++) {
                BigDecimal v = parse(groups[i], columns.get(i));
                if (v == null) {
                    return List.of();
                }
                reading.add(v);
            }
            return List.of(reading);
        }
        String plain = digits.replace(String.valueOf(GAP), "");
        if (plain.length() == columns.size() && plain.chars().allMatch(Character::isDigit)) {
            // one digit per cell: the only way to cut them, whatever the arithmetic says (the validator says that)
            List<BigDecimal> reading = new ArrayList<>();
            for (int i = 0; i < plain.length(); i++) {
                BigDecimal v = parse(plain.substring(i, i + 1), columns.get(i));
                if (v == null) {
                    return List.of();
                }
                reading.add(v);
            }
            return List.of(reading);
        }
        cutDigits(plain, 0, columns, slots, new ArrayList<>(), new HashMap<>(), inside, out);
        return out.size() > MAX_SPLITS ? List.of() : out;
    }

    private void cutDigits(
            String digits,
            int at,
            List<ColumnDef> columns,
            List<TableRelations.Slot> slots,
            List<BigDecimal> parts,
            Map<TableRelations.Slot, BigDecimal> values,
            List<TableRelations.Relation> inside,
            List<List<BigDecimal>> out) {
        if (out.size() > MAX_SPLITS) {
            return;
        }
        int k = parts.size();
        if (k == columns.size()) {
            if (at == digits.length()) {
                out.add(List.copyOf(parts));
            }
            return;
        }
        int remainingCells = columns.size() - k;
        int remainingDigits = digits.length() - at;
        if (remainingDigits < remainingCells) {
            return;
        }
        ColumnDef column = columns.get(k);
        for (int len = 1; len <= Math.min(remainingDigits - (remainingCells - 1), MAX_DIGITS_PER_CELL + 6); len++) {
            String piece = digits.substring(at, at + len);
            BigDecimal v = parse(piece, column);
            if (v == null) {
                continue;
            }
            parts.add(v);
            values.put(slots.get(k), v);
            if (consistent(inside, values)) {
                cutDigits(digits, at + len, columns, slots, parts, values, inside, out);
            }
            values.remove(slots.get(k));
            parts.remove(parts.size() - 1);
        }
    }

    /**
     * Whether the one cut of a row's digits that the arithmetic leaves is contradicted by the columns (it can be only
     * when the document does not add up somewhere): another cut of the same digits (one that breaks the row's sum) lets more of the
     * column relations through this row hold, with the other rows' readings, than the cut that fits — the sign that
     * the row's own total is the document's error (12,0,0,0,0,0,21 read as 1,20,0,0,0,0,21 fits the row and breaks
     * the 自然人 and 商业企业 columns). Relations with a cell no row reading gives count for no cut.
     */
    private boolean contradictedByColumns(
            Run run,
            List<BigDecimal> reading,
            Map<Run, List<List<BigDecimal>>> choices,
            Map<Run, List<TableRelations.Slot>> slotsOf) {
        List<TableRelations.Slot> slots = slotsOf.get(run);
        List<ColumnDef> columns = new ArrayList<>();
        for (RowDef row : run.row == null ? def.rows() : List.of(run.row)) {
            columns.addAll(row.columns());
        }
        Map<TableRelations.Slot, Set<BigDecimal>> candidates = new HashMap<>();
        for (var e : choices.entrySet()) {
            if (e.getKey() == run) {
                continue;
            }
            List<TableRelations.Slot> other = slotsOf.get(e.getKey());
            for (List<BigDecimal> r : e.getValue()) {
                for (int i = 0; i < other.size(); i++) {
                    candidates
                            .computeIfAbsent(other.get(i), x -> new LinkedHashSet<>())
                            .add(r.get(i));
                }
            }
        }
        List<TableRelations.Relation> across = relations.stream()
                .filter(r -> r.slots().stream().anyMatch(slots::contains)
                        && !slots.containsAll(r.slots())
                        && r.slots().stream().allMatch(x -> slots.contains(x) || candidates.containsKey(x)))
                .toList();
        if (across.isEmpty()) {
            return false;
        }
        List<List<BigDecimal>> cuts = new ArrayList<>();
        cutDigits(
                run.digits.replace(String.valueOf(GAP), ""),
                0,
                columns,
                slots,
                new ArrayList<>(),
                new HashMap<>(),
                List.of(),
                cuts);
        if (cuts.size() > MAX_SPLITS) {
            return true; // too many cuts to weigh: the one that fits cannot be confirmed either
        }
        int fits = holding(across, slots, reading, candidates);
        for (List<BigDecimal> cut : cuts) {
            if (!cut.equals(reading) && holding(across, slots, cut, candidates) > fits) {
                return true;
            }
        }
        return false;
    }

    /** How many of the relations can hold with the row's cut and some reading of each other row. */
    private static int holding(
            List<TableRelations.Relation> across,
            List<TableRelations.Slot> slots,
            List<BigDecimal> cut,
            Map<TableRelations.Slot, Set<BigDecimal>> candidates) {
        int holding = 0;
        for (TableRelations.Relation r : across) {
            // the sums the other rows' readings can give, then whether one cancels this row's part
            Set<BigDecimal> sums = new LinkedHashSet<>(List.of(BigDecimal.ZERO));
            BigDecimal own = BigDecimal.ZERO;
            boolean unknown = false;
            for (int i = 0; i < r.slots().size() && !unknown; i++) {
                BigDecimal k = BigDecimal.valueOf(r.coefficients().get(i));
                int mine = slots.indexOf(r.slots().get(i));
                if (mine >= 0) {
                    own = own.add(k.multiply(cut.get(mine)));
                    continue;
                }
                Set<BigDecimal> next = new LinkedHashSet<>();
                for (BigDecimal s : sums) {
                    for (BigDecimal v : candidates.get(r.slots().get(i))) {
                        next.add(s.add(k.multiply(v)).stripTrailingZeros());
                    }
                }
                sums = next;
                unknown = sums.size() > 10_000;
            }
            if (unknown || sums.contains(own.negate().stripTrailingZeros())) {
                holding++;
            }
        }
        return holding;
    }

    /** A cell's text as the column's kind of number allows it, or {@code null}: 0 or no leading zero, whole counts. */
    private static BigDecimal parse(String piece, ColumnDef column) {
        boolean negative = piece.startsWith("-");
        String p = negative ? piece.substring(1) : piece;
        if (p.isEmpty() || negative && column.kind() != ValueKind.SIGNED_COUNT) {
            return null;
        }
        int dot = p.indexOf('.');
        String whole = dot < 0 ? p : p.substring(0, dot);
        if (whole.isEmpty()
                || whole.length() > MAX_DIGITS_PER_CELL
                || whole.length() > 1 && whole.charAt(0) == '0'
                || p.endsWith(".")
                || p.indexOf('.', dot + 1) > 0 && dot >= 0) {
            return null;
        }
        if (dot >= 0) {
            int scale = p.length() - dot - 1;
            if (column.kind() != ValueKind.MONEY || column.maxScale() >= 0 && scale > column.maxScale()) {
                return null;
            }
        }
        BigDecimal v = new BigDecimal(p);
        return negative ? v.negate() : v;
    }

    private static boolean consistent(
            List<TableRelations.Relation> relations, Map<TableRelations.Slot, BigDecimal> values) {
        for (TableRelations.Relation r : relations) {
            BigDecimal residual = r.residual(values);
            if (residual != null && residual.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The readings of all rows together that fit every relation of the table; empty when none does (the document's
     * arithmetic is broken: each row keeps its own readings), {@code null} when there are too many combinations to try
     * or more readings than the search keeps (each row keeps its own readings).
     */
    private List<Map<TableRelations.Slot, BigDecimal>> solve(
            Map<Run, List<List<BigDecimal>>> choices,
            Map<Run, List<TableRelations.Slot>> slotsOf,
            Map<TableRelations.Slot, BigDecimal> fixed) {
        List<Run> order = new ArrayList<>(choices.keySet());
        long combinations = 1;
        for (Run r : order) {
            combinations *= choices.get(r).size();
            if (combinations > MAX_COMBINATIONS) {
                return null;
            }
        }
        List<Map<TableRelations.Slot, BigDecimal>> out = new ArrayList<>();
        search(order, 0, choices, slotsOf, new HashMap<>(fixed), out);
        // a search stopped at its limit has not seen every reading: a row alike in all it found is not thereby unique
        return out.size() >= MAX_SOLUTIONS ? null : out;
    }

    private void search(
            List<Run> order,
            int k,
            Map<Run, List<List<BigDecimal>>> choices,
            Map<Run, List<TableRelations.Slot>> slotsOf,
            Map<TableRelations.Slot, BigDecimal> values,
            List<Map<TableRelations.Slot, BigDecimal>> out) {
        if (out.size() >= MAX_SOLUTIONS) {
            return;
        }
        if (k == order.size()) {
            out.add(Map.copyOf(values));
            return;
        }
        Run run = order.get(k);
        List<TableRelations.Slot> slots = slotsOf.get(run);
        for (List<BigDecimal> reading : choices.get(run)) {
            for (int i = 0; i < slots.size(); i++) {
                values.put(slots.get(i), reading.get(i));
            }
            if (consistent(relations, values)) {
                search(order, k + 1, choices, slotsOf, values, out);
            }
            slots.forEach(values::remove);
        }
    }

    // ------------------------------------------------------------------ names

    private boolean isMoney(TableRelations.Slot slot) {
        return def.row(slot.row()).orElseThrow().column(slot.column()).kind() == ValueKind.MONEY;
    }

    private String unitOf(TableRelations.Slot slot) {
        RowDef row = def.row(slot.row()).orElseThrow();
        ColumnDef c = row.column(slot.column());
        return c.kind() == ValueKind.MONEY ? Text.unitInLabel(c.label()) : null;
    }

    private String key(Run run) {
        return run.row == null ? id.key() : run.row.key();
    }

    private String name(Run run) {
        return run.row == null ? "的数据行" : "「" + run.row.fullLabel() + "」行";
    }

    private String nameEn(Run run) {
        return run.row == null ? ", the data row" : ", row " + run.row.key();
    }

    private static String show(List<BigDecimal> reading) {
        return String.join("、", reading.stream().map(BigDecimal::toPlainString).toList());
    }
}

package cn.gov.disclosure.intake.importer;

import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one document, given as lines, into a report. One instance per document (not thread-safe; not shared). */
final class ReportReader {

    private static final Pattern HEADING = Pattern.compile("^([一二三四五六])(?:\\s*[、.,:：]|\\s)\\s*(\\S.*)$");
    private static final Pattern PART_HEADING = Pattern.compile("^第([一二三四五六])部分\\s*[、.,:：]?\\s*(\\S.*)$");
    private static final Pattern YEAR = Pattern.compile("([0-9０-９]{4})\\s*年");
    /** A line that names an organ and nothing else: …人民政府, …局, …街道办事处, …委员会. */
    private static final Pattern ORGAN =
            Pattern.compile("^[\\p{IsHan}（）()]{2,30}(政府|局|办事处|委员会|委|办公室|办|管委会|中心|厅|院|署|街道|镇|乡)$");

    private static final int MAX_HEADING_LENGTH = 60;
    private static final int MAX_TITLE_LENGTH = 80;
    private static final int MAX_TITLE_CONTINUATION = 20;

    private final LabelIndex index = LabelIndex.INSTANCE;
    private final List<SourceLine> lines;
    private final List<String> cleaned;
    private final Findings findings = new Findings();
    /** The tables whose cells run together without separators (read by {@link RunTogetherReader}). */
    private final Set<TableId> runTogether = EnumSet.noneOf(TableId.class);

    /** A page number a PDF or its text carries between the lines of a table: -1-, — 2 / 3 —, 2/3, 第3页, 第 3 页 共 6 页. */
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("^[-—–－]+\\s*\\d{1,3}\\s*(?:[/／]\\s*\\d{1,3}\\s*)?[-—–－]+$|^\\d{1,3}\\s*[/／]\\s*\\d{1,3}$"
                    + "|^第\\s*\\d{1,3}\\s*页(\\s*[,，/／]?\\s*共\\s*\\d{1,3}\\s*页)?$");

    ReportReader(List<SourceLine> lines) {
        this.lines = splitRunTogether(lines.stream()
                .map(l -> PAGE_NUMBER.matcher(Text.strip(Text.nfkc(l.text()))).matches()
                        ? new SourceLine(l.number(), "", l.page())
                        : l)
                .toList());
        this.cleaned = this.lines.stream().map(l -> Text.clean(l.text())).toList();
    }

    ImportResult read() {
        List<Heading> headings = headings();
        int firstHeading = headings.isEmpty() ? lines.size() : headings.get(0).index;
        Title title = title(firstHeading);

        // Sections: text, and the table region of the table sections.
        List<Section> sections = new ArrayList<>();
        Map<TableId, List<SourceLine>> regions = new EnumMap<>(TableId.class);
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            int from = heading.index + 1;
            int to = h + 1 < headings.size() ? headings.get(h + 1).index : lines.size();
            TableId table = tableOf(heading.key);
            int regionFrom = to;
            int regionTo = to;
            if (table != null && runTogether(table, from, to)) {
                regionFrom = from;
                regionTo = to;
                regions.put(table, lines.subList(regionFrom, regionTo));
                runTogether.add(table);
            } else if (table != null) {
                int[] region = region(table, from, to);
                if (region != null) {
                    regionFrom = region[0];
                    regionTo = region[1];
                    regions.put(table, lines.subList(regionFrom, regionTo));
                }
            }
            List<String> text = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (i >= regionFrom && i < regionTo) {
                    continue;
                }
                if (!cleaned.get(i).isEmpty()) {
                    text.add(cleaned.get(i));
                }
            }
            sections.add(new Section(heading.key, heading.text, String.join("\n", text)));
        }

        Map<TableId, List<Token>> tokens = new EnumMap<>(TableId.class);
        regions.forEach((table, region) -> tokens.put(table, Token.of(region, table)));
        TemplateVersion template = template(tokens, title.year);

        Map<TableId, ReportTable> tables = new EnumMap<>(TableId.class);
        for (TableId table : TableId.values()) {
            List<Token> t = tokens.get(table);
            ReportTable read = t == null
                    ? null
                    : runTogether.contains(table)
                            ? new RunTogetherReader(
                                            template,
                                            table,
                                            findings,
                                            regions.get(table).get(0).number())
                                    .read(String.join(
                                            "",
                                            regions.get(table).stream()
                                                    .map(SourceLine::text)
                                                    .toList()))
                            : read(template, table, t, regions.get(table));
            if (read != null) {
                tables.put(table, read);
            }
        }
        if (!findings.problems.isEmpty()) {
            throw new ImportException(findings.problems);
        }
        if (tables.isEmpty()) {
            throw ImportException.of(
                    "未识别到报表表格（主动公开、依申请公开、行政复议和行政诉讼三张表均未找到）",
                    "no report tables recognised (none of the tables of active disclosure, applications, reviews and "
                            + "litigation was found)");
        }
        for (TableId table : TableId.values()) {
            if (!tables.containsKey(table)) {
                String title2 = TemplateCatalogue.table(template, table).title();
                findings.note(
                        null,
                        table.key(),
                        "未识别到表" + table.number() + "（" + title2 + "）",
                        "Table " + table.number() + " (" + title2 + ") was not recognised");
            }
        }
        AnnualReport report = new AnnualReport(
                title.organisation,
                title.year,
                template,
                title.text,
                sections,
                tables.get(TableId.ACTIVE_DISCLOSURE),
                tables.get(TableId.APPLICATIONS),
                tables.get(TableId.REVIEWS_AND_LITIGATION));
        Map<Integer, Integer> pages = new HashMap<>();
        lines.forEach(l -> {
            if (l.page() != null) {
                pages.putIfAbsent(l.number(), l.page());
            }
        });
        List<CellSource> provenance = findings.sources.stream()
                .map(c -> c.line() == null ? c : c.withPage(pages.get(c.line())))
                .toList();
        return new ImportResult(report, findings.notes, null, provenance);
    }

    /**
     * One table: read as a stream of labels and numbers; when that fails or leaves rows out, read with the value rows
     * aligned to the template's rows (detached value rows), kept only when that reading is complete and certain.
     */
    private ReportTable read(TemplateVersion template, TableId table, List<Token> tokens, List<SourceLine> region) {
        Findings stream = new Findings();
        ReportTable read = new TableReader(template, table, tokens, stream).read();
        int rows = TemplateCatalogue.table(template, table).rows().size();
        if (stream.problems.isEmpty() && read != null && read.rows().size() == rows) {
            findings.addAll(stream);
            return read;
        }
        Findings aligned = new Findings();
        ReportTable byOrder = new TableReader(template, table, tokens, aligned).readAligned(region);
        if (byOrder != null && aligned.problems.isEmpty() && byOrder.rows().size() == rows) {
            findings.addAll(aligned);
            return byOrder;
        }
        findings.addAll(stream);
        return read;
    }

    // ------------------------------------------------------------------ headings

    private record Heading(int index, SectionKey key, String text) {}

    /**
     * The section headings in document order: a line 一、… to 六、… (after markdown markers) naming one of the
     * section's key words and no table line (so Table 3's 一、本年新收… and 四、结转下年度… are not headings). Of these
     * candidates the longest chain with rising numerals is taken; it starts at the last candidate that can start
     * such a chain (a table of contents before the report does not count) and continues with the first fitting one.
     */
    private List<Heading> headings() {
        List<Heading> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = cleaned.get(i);
            if (text.isEmpty()
                    || text.length() > MAX_HEADING_LENGTH
                    || nonEmptyCells(lines.get(i).text()) > 1) {
                continue;
            }
            String normal = Text.nfkc(text);
            Matcher m = HEADING.matcher(normal);
            if (!m.matches()) {
                m = PART_HEADING.matcher(normal);
                if (!m.matches()) {
                    continue;
                }
            }
            SectionKey key = SectionKey.fromNumeral(m.group(1));
            String words = Text.key(m.group(2));
            if (key == null || index.isAnyTableLabel(Text.key(text))) {
                continue;
            }
            boolean named =
                    TemplateCatalogue.section(key).keywords().stream().anyMatch(k -> words.contains(Text.key(k)));
            if (named) {
                candidates.add(new Heading(i, key, text));
                continue;
            }
            SectionKey renumbered = sectionByTitle(words);
            if (renumbered != null) {
                // 一、主动公开政府信息情况 after the organ's own 一…六: the tables renumbered as an appendix
                candidates.add(new Heading(i, renumbered, text));
            }
        }
        int n = candidates.size();
        int[] chain = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            chain[i] = 1;
            for (int j = i + 1; j < n; j++) {
                if (candidates.get(j).key.number() > candidates.get(i).key.number()) {
                    chain[i] = Math.max(chain[i], chain[j] + 1);
                }
            }
        }
        int best = 0;
        for (int c : chain) {
            best = Math.max(best, c);
        }
        List<Heading> headings = new ArrayList<>();
        int at = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (chain[i] == best) {
                at = i;
                break;
            }
        }
        while (at >= 0) {
            Heading h = candidates.get(at);
            headings.add(h);
            int next = -1;
            for (int j = at + 1; j < n; j++) {
                if (candidates.get(j).key.number() > h.key.number() && chain[j] == chain[at] - 1) {
                    next = j;
                    break;
                }
            }
            at = next;
        }
        return headings;
    }

    /**
     * The section whose heading the words are, whatever numeral stands before them: they hold the catalogue's title
     * (收到和处理政府信息公开申请情况) or every key word of a section that has several (复议 and 诉讼).
     */
    private static SectionKey sectionByTitle(String words) {
        for (SectionKey key : SectionKey.values()) {
            var def = TemplateCatalogue.section(key);
            List<String> keywords = def.keywords();
            if (words.contains(Text.key(def.title()))
                    || keywords.size() >= 2
                            && key != SectionKey.OTHER_MATTERS
                            && key != SectionKey.OVERVIEW
                            && keywords.stream().allMatch(k -> words.contains(Text.key(k)))) {
                return key;
            }
        }
        return null;
    }

    private static int nonEmptyCells(String line) {
        int n = 0;
        for (String cell : Token.cells(line)) {
            if (!cell.isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static TableId tableOf(SectionKey key) {
        for (TableId id : TableId.values()) {
            if (id.section() == key) {
                return id;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ table regions

    /** Whether the section's lines hold its table with the cells run together (in either template's labels). */
    private boolean runTogether(TableId table, int from, int to) {
        boolean found = false;
        for (int i = from; i < to; i++) {
            String raw = lines.get(i).text();
            if (raw.indexOf('\t') >= 0 || Text.strip(raw).startsWith("|")) {
                return false;
            }
            for (TemplateVersion t : TemplateVersion.values()) {
                found |= RunTogetherReader.applies(t, table, raw);
            }
        }
        return found;
    }

    private static final Pattern NUMERAL = Pattern.compile("([一二三四五六])[、.．]");
    private static final int LONG_LINE = 400;

    /**
     * A document whose whole body is one line (an archive's text rendering of a portal page) is cut before each
     * section heading and after its words (一、总体情况2021年，… → 一、总体情况 / 2021年，…), so the sections and tables
     * are found as in any document. A numeral that starts a table's label (一、本年新收…, 四、结转下年度…) is no heading.
     */
    private static List<SourceLine> splitRunTogether(List<SourceLine> lines) {
        List<SourceLine> out = new ArrayList<>(lines.size());
        for (SourceLine line : lines) {
            String text = line.text();
            if (text.length() < LONG_LINE
                    || text.indexOf('\t') >= 0
                    || Text.strip(text).startsWith("|")) {
                out.add(line);
                continue;
            }
            int start = 0;
            Matcher m = NUMERAL.matcher(text);
            while (m.find()) {
                int p = m.start();
                int headingEnd = headingEnd(text, p, m.end());
                if (headingEnd < 0) {
                    continue;
                }
                if (p > start) {
                    out.add(new SourceLine(line.number(), text.substring(start, p), line.page()));
                }
                out.add(new SourceLine(line.number(), text.substring(p, headingEnd), line.page()));
                start = headingEnd;
                m.region(headingEnd, text.length());
            }
            if (start < text.length()) {
                out.add(new SourceLine(line.number(), text.substring(start), line.page()));
            }
        }
        return out;
    }

    /** Where the section heading that starts at {@code p} ends, or −1 when no heading starts there. */
    private static int headingEnd(String text, int p, int wordsFrom) {
        String words = text.substring(wordsFrom, Math.min(text.length(), wordsFrom + 40));
        String key = Text.key(text.substring(p, Math.min(text.length(), p + 40)));
        for (TableId id : TableId.values()) {
            for (String label : LabelIndex.INSTANCE.knownLabels(id)) {
                if (label.length() >= 4 && key.startsWith(label) && !label.matches("^[一二三四五六]、.{0,4}$")) {
                    SectionKey section = SectionKey.fromNumeral(text.substring(p, p + 1));
                    String title = section == null
                            ? ""
                            : TemplateCatalogue.section(section).title();
                    if (!label.contains(Text.key(title))) {
                        return -1; // 一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理
                    }
                }
            }
        }
        SectionKey section = SectionKey.fromNumeral(text.substring(p, p + 1));
        if (section == null) {
            return -1;
        }
        var def = TemplateCatalogue.section(section);
        String stripped = words.stripLeading();
        int lead = words.length() - stripped.length();
        if (stripped.startsWith(def.title())) {
            return wordsFrom + lead + def.title().length();
        }
        for (String k : def.keywords()) {
            int at = stripped.indexOf(k);
            if (at >= 0 && at <= 25) {
                int end = at + k.length();
                for (String closing : List.of("情况", "事项", "计划")) {
                    int c = stripped.indexOf(closing, end);
                    if (c >= 0 && c - end <= 12) {
                        end = c + closing.length();
                        break;
                    }
                }
                return wordsFrom + lead + end;
            }
        }
        return -1;
    }

    /** [first, end) of the lines of the section that form its table, or {@code null} when it has none. */
    private int[] region(TableId table, int from, int to) {
        int first = -1;
        int last = -1;
        for (int i = from; i < to; i++) {
            if (isTableLine(table, i)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        // the rest of a label wrapped after the table's last numbers (四、结 0 … 0 / 转下年 / 度继续 / 办理)
        while (last + 1 < to && isLabelPiece(table, last + 1)) {
            last++;
        }
        return new int[] {first, last + 1};
    }

    private boolean isLabelPiece(TableId table, int i) {
        String text = cleaned.get(i);
        return !text.isEmpty()
                && text.length() <= 20
                && !text.contains("。")
                && index.isKnownText(table, Text.key(text));
    }

    private boolean isTableLine(TableId table, int i) {
        String raw = lines.get(i).text();
        String text = cleaned.get(i);
        if (text.isEmpty()) {
            return false;
        }
        String key = Text.key(text);
        if (nonEmptyCells(raw) <= 1 && (text.contains("。") || text.contains("；")) && !index.isExactLabel(table, key)) {
            return false; // a sentence, even when Word's copy indents it with a tab
        }
        if (raw.indexOf('\t') >= 0 || Text.strip(raw).startsWith("|") || Text.isSeparator(text)) {
            return true;
        }
        if (Text.number(text) != null || Text.isNumberish(text)) {
            return true;
        }
        if (index.isExactLabel(table, key) || key.length() >= 6 && index.isKnownText(table, key)) {
            return true; // a label, or a piece of one wrapped over lines (the corner note of Table 3)
        }
        // 结   结   其    尚    总: header pieces in runs of spaces (pdftotext -layout), each a piece of a label
        String[] words = Text.strip(Text.nfkc(raw)).split("\\s+");
        if (words.length >= 2
                && key.length() <= 60
                && Arrays.stream(words).allMatch(w -> index.isKnownText(table, Text.key(w)))) {
            return true;
        }
        // 行政事业性收费 96171.6: a row label and its numbers separated by spaces
        List<String> cells = Token.cells(raw);
        if (cells.size() > 1 && cells.stream().allMatch(c -> Text.number(c) != null || Text.isBlankMarker(c))) {
            return true; // 103件 0件 0件 … 103件: numbers standing apart, each with its word
        }
        if (cells.size() > 1 && cells.stream().skip(1).allMatch(c -> Text.number(c) != null || Text.isBlankMarker(c))) {
            String label = Text.key(cells.get(0));
            return index.isAnyRowPrefix(table, label) || index.isKnownText(table, label);
        }
        return false;
    }

    // ------------------------------------------------------------------ template

    /**
     * The template the tables follow, told by the labels only one template has (本年制发件数, the three items of
     * （六）其他处理 …; 本年新制作数量, 政府集中采购 …) and by a label that is a row in one template and a group in the
     * other when numbers follow it (2019: （六）其他处理 0 0 …). Without such labels: the template of the reporting
     * year, noted.
     */
    private TemplateVersion template(Map<TableId, List<Token>> tokens, int year) {
        Map<TemplateVersion, Integer> hits = new EnumMap<>(TemplateVersion.class);
        for (TemplateVersion t : TemplateVersion.values()) {
            int n = 0;
            for (TableId table : List.of(TableId.ACTIVE_DISCLOSURE, TableId.APPLICATIONS)) {
                List<Token> list = tokens.getOrDefault(table, List.of());
                for (int i = 0; i < list.size(); i++) {
                    Token token = list.get(i);
                    if (token.kind() != Token.Kind.LABEL) {
                        continue;
                    }
                    if (index.uniqueLabels(t).contains(token.key())
                            || index.rowsThatAreGroupsElsewhere(t).contains(token.key())
                                    && Token.numberFollows(list, i)) {
                        n++;
                    }
                }
            }
            hits.put(t, n);
        }
        int h2019 = hits.get(TemplateVersion.T2019);
        int h2021 = hits.get(TemplateVersion.T2021);
        TemplateVersion byYear = year >= TemplateVersion.FIRST_REPORTING_YEAR
                ? TemplateVersion.requiredFor(year)
                : TemplateVersion.T2021;
        if (h2019 > 0 && h2021 > 0) {
            TemplateVersion chosen =
                    h2019 > h2021 ? TemplateVersion.T2019 : h2021 > h2019 ? TemplateVersion.T2021 : byYear;
            findings.note(
                    null,
                    null,
                    "表格同时含有2019版和2021版模板的标签，按" + chosen.code() + "版读取",
                    "the tables carry labels of both the 2019 and the 2021 template; read as the " + chosen.code()
                            + " template");
            return chosen;
        }
        if (h2019 > 0) {
            return TemplateVersion.T2019;
        }
        if (h2021 > 0) {
            return TemplateVersion.T2021;
        }
        if (!tokens.isEmpty()) {
            findings.note(
                    null,
                    null,
                    "表格中没有区分2019版和2021版模板的标签，按报告年度推定为" + byYear.code() + "版",
                    "the tables have no label that tells the 2019 from the 2021 template; taken as the " + byYear.code()
                            + " template from the reporting year");
        }
        return byYear;
    }

    // ------------------------------------------------------------------ title

    private record Title(String text, String organisation, int year) {}

    /**
     * The title before section 一: the first line naming a year (…2020年…) and 政府信息公开 or 报告; a title over two
     * lines (…政府信息公开工作 / 年度报告) is joined. The organ is what stands before the year.
     */
    private Title title(int end) {
        for (int i = 0; i < end; i++) {
            String text = cleaned.get(i);
            if (text.isEmpty()
                    || text.length() > MAX_TITLE_LENGTH
                    || lines.get(i).text().indexOf('\t') >= 0) {
                continue;
            }
            Matcher m = YEAR.matcher(text);
            if ((!m.find() || !(text.contains("政府信息公开") || text.contains("报告"))) && i + 1 < end) {
                // a title wrapped inside its year: 晋江市紫帽镇人民政府2020 / 年政府信息公开工作年度报告
                String next = cleaned.get(i + 1);
                if (text.matches(".*[0-9０-９]$")
                        && next.startsWith("年")
                        && next.length() <= MAX_TITLE_CONTINUATION + 10) {
                    text = text + next;
                    m = YEAR.matcher(text);
                    m.find();
                }
            }
            m = YEAR.matcher(text);
            if (!m.find() || !(text.contains("政府信息公开") || text.contains("报告"))) {
                continue;
            }
            String title = text;
            if (!title.endsWith("报告")) {
                for (int j = i + 1; j < end; j++) {
                    String next = cleaned.get(j);
                    if (next.isEmpty()) {
                        continue;
                    }
                    if (next.length() <= MAX_TITLE_CONTINUATION && next.endsWith("报告")) {
                        title = title + next;
                    }
                    break;
                }
            }
            int year = Integer.parseInt(Text.nfkc(m.group(1)));
            String organisation = text.substring(0, m.start())
                    .replaceAll("\\s+", "")
                    .replaceFirst("^.*[:：]", ""); // 标题：平潭综合实验区2021年度… (an archive's field name)
            if (organisation.endsWith("关于")) {
                organisation = organisation.substring(0, organisation.length() - 2);
            }
            if (organisation.isEmpty() && i > 0) {
                // 淮安市人民政府 / 2024年政府信息公开工作年度报告: the organ on the line before the title
                for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                    String before = cleaned.get(j).replaceAll("\\s+", "");
                    if (before.isEmpty()) {
                        continue;
                    }
                    if (before.length() <= 30 && ORGAN.matcher(before).matches()) {
                        organisation = before;
                        title = before + title;
                    }
                    break;
                }
            }
            if (organisation.isEmpty()) {
                // 2020年红星镇政府信息公开工作年度报告: the organ stands between the year and the subject
                String after = text.substring(m.end()).replaceAll("\\s+", "").replaceFirst("^度", "");
                int subject = after.indexOf("政府信息公开");
                organisation = subject > 0 ? after.substring(0, subject) : "";
            }
            return new Title(title, organisation.isEmpty() ? null : organisation, year);
        }
        findings.note(null, null, "未识别到报告标题（机关名称和报告年度）", "the title (organ and reporting year) was not recognised");
        return new Title(null, null, 0);
    }
}

package cn.gov.disclosure.publication.render;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The page and the PDF of a 2019-template seed (000, 紫帽镇 2020) and a 2021-template seed (002, 昌傅镇 2021): every
 * catalogue label, numbers in the right cells, narrative escaped. Plain JUnit, no Quarkus.
 */
class RenderingTest {

    static final String SCRIPT = "<script>alert('x')</script> & “引号” 正文";
    static final OffsetDateTime APPROVED = OffsetDateTime.parse("2021-01-20T10:15:30+08:00");

    static ReportRenderer renderer;

    @BeforeAll
    static void font() {
        renderer = new ReportRenderer(Path.of(System.getProperty("pdf.font.path", ReportRenderer.DEFAULT_FONT)), null);
    }

    static ReportRenderer.Rendered render(AnnualReport report) {
        return renderer.render(
                report,
                new ReportLayout.Meta(report.organisationName(), report.year(), 1, APPROVED),
                "test-" + report.year());
    }

    /** Every label the catalogue gives the template: headings, table rows, row groups, columns, column groups. */
    static Set<String> catalogueLabels(TemplateVersion template) {
        Set<String> labels = new LinkedHashSet<>();
        TemplateCatalogue.sections().forEach(s -> labels.add(s.heading()));
        for (TableDef t : TemplateCatalogue.tables(template)) {
            if (t.cornerNote() != null) {
                labels.add(t.cornerNote());
            }
            for (RowDef r : t.rows()) {
                labels.add(r.label());
                labels.addAll(r.path());
                for (ColumnDef c : r.columns()) {
                    labels.add(c.label());
                    labels.addAll(c.headerPath());
                }
            }
        }
        return labels;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 4})
    void everyCatalogueLabelIsOnThePageAndInThePdf(int seed) throws Exception {
        AnnualReport report = GoldenSeeds.load(seed);
        ReportRenderer.Rendered r = render(report);
        Document page = xhtml(r.html());
        Set<String> pageTexts = new LinkedHashSet<>();
        for (String tag : List.of("th", "h1", "h2")) {
            NodeList nodes = page.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                pageTexts.add(nodes.item(i).getTextContent());
            }
        }
        String pdf = squeeze(pdfText(r.pdf()));
        for (String label : catalogueLabels(report.template())) {
            assertThat(pageTexts).as("page label").contains(label);
            assertThat(pdf).as("PDF label").contains(squeeze(label));
        }
        String title = ReportLayout.title(report.organisationName(), report.year());
        assertThat(page.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo(title);
        assertThat(pdf).contains(squeeze(title));
        // the six sections in order
        NodeList h2 = page.getElementsByTagName("h2");
        assertThat(h2.getLength()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(h2.item(i).getTextContent())
                    .isEqualTo(TemplateCatalogue.sections().get(i).heading());
        }
        List<Integer> at = TemplateCatalogue.sections().stream()
                .map(s -> pdf.indexOf(squeeze(s.heading())))
                .toList();
        assertThat(at).doesNotContain(-1).isSorted();
    }

    @Test
    void the2019TemplateHasItsOwnTablesAndMergedHeaders() throws Exception {
        AnnualReport report = GoldenSeeds.load(0);
        assertThat(report.template()).isEqualTo(TemplateVersion.T2019);
        Document page = xhtml(render(report).html());
        Element t3 = table(page, 3);
        // corner over three header rows and three label columns; 申请人情况 across the seven columns
        assertThat(th(t3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"))
                .satisfies(e -> assertThat(e.getAttribute("rowspan")).isEqualTo("3"))
                .satisfies(e -> assertThat(e.getAttribute("colspan")).isEqualTo("3"));
        assertThat(th(t3, "申请人情况").getAttribute("colspan")).isEqualTo("7");
        assertThat(th(t3, "法人或其他组织").getAttribute("colspan")).isEqualTo("5");
        assertThat(th(t3, "自然人").getAttribute("rowspan")).isEqualTo("2");
        assertThat(th(t3, "三、本年度办理结果").getAttribute("rowspan")).isEqualTo(resultRows(TemplateVersion.T2019));
        assertThat(th(t3, "（三）不予公开").getAttribute("rowspan")).isEqualTo("8");
        assertThat(th(t3, "（六）其他处理").getAttribute("colspan")).isEqualTo("2");
        assertThat(th(t3, "一、本年新收政府信息公开申请数量").getAttribute("colspan")).isEqualTo("3");
        assertThat(t3.getElementsByTagName("td").getLength())
                .isEqualTo(TemplateCatalogue.table(TemplateVersion.T2019, TableId.APPLICATIONS)
                        .cellCount());
        Element t2 = table(page, 2);
        assertThat(texts(t2, "th")).contains("第二十条第（九）项", "采购总金额", "本年增/减", "信息内容");
        Element t4 = table(page, 4);
        assertThat(th(t4, "行政复议").getAttribute("rowspan")).isEqualTo("2");
        assertThat(th(t4, "行政复议").getAttribute("colspan")).isEqualTo("5");
        assertThat(th(t4, "行政诉讼").getAttribute("colspan")).isEqualTo("10");
        assertThat(t4.getElementsByTagName("td").getLength()).isEqualTo(15);
    }

    @Test
    void the2021TemplateHasItsOwnTables() throws Exception {
        AnnualReport report = GoldenSeeds.load(2);
        assertThat(report.template()).isEqualTo(TemplateVersion.T2021);
        Document page = xhtml(render(report).html());
        Element t3 = table(page, 3);
        assertThat(th(t3, "三、本年度办理结果").getAttribute("rowspan")).isEqualTo(resultRows(TemplateVersion.T2021));
        assertThat(th(t3, "（六）其他处理").getAttribute("rowspan")).isEqualTo("3");
        assertThat(t3.getElementsByTagName("td").getLength())
                .isEqualTo(TemplateCatalogue.table(TemplateVersion.T2021, TableId.APPLICATIONS)
                        .cellCount());
        assertThat(resultRows(TemplateVersion.T2021))
                .isEqualTo(Integer.toString(Integer.parseInt(resultRows(TemplateVersion.T2019)) + 2));
        Element t2 = table(page, 2);
        assertThat(texts(t2, "th")).contains("本年制发件数", "本年收费金额（单位：万元）").doesNotContain("采购总金额", "本年增/减");
        // the single value column of 第二十条第（五）项 spans the three value columns
        assertThat(th(t2, "本年收费金额（单位：万元）").getAttribute("colspan")).isEqualTo("3");
    }

    @Test
    void numbersStandInTheirRowAndColumn2019() throws Exception {
        AnnualReport report = GoldenSeeds.load(0);
        report = withCell(
                report, TableId.APPLICATIONS, "refusedThirdPartyRights", "legalServiceAgency", Cell.of(987654));
        report =
                withCell(report, TableId.ACTIVE_DISCLOSURE, "administrativeCoercion", "changeThisYear", Cell.of(-4321));
        report = withCell(
                report,
                TableId.ACTIVE_DISCLOSURE,
                "centralisedProcurement",
                "procurementAmount",
                Cell.money("8765.43", "万元"));
        report = withCell(
                report, TableId.REVIEWS_AND_LITIGATION, "litigationAfterReconsideration", "pending", Cell.of(97531));
        ReportRenderer.Rendered r = render(report);
        Document page = xhtml(r.html());

        Located t3 = locate(table(page, 3), "987654");
        assertThat(t3.columnHeader()).isEqualTo("法律服务机构");
        assertThat(t3.columnHeaders()).contains("法人或其他组织", "申请人情况");
        assertThat(t3.rowHeaders()).containsExactly("三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益");

        Located t2 = locate(table(page, 2), "-4321");
        assertThat(t2.columnHeader()).isEqualTo("本年增/减");
        assertThat(t2.rowHeaders()).containsExactly("行政强制");
        assertThat(t2.group()).isEqualTo("第二十条第（六）项");
        Located money = locate(table(page, 2), "8765.43万元");
        assertThat(money.columnHeader()).isEqualTo("采购总金额");
        assertThat(money.rowHeaders()).containsExactly("政府集中采购");

        Located t4 = locate(table(page, 4), "97531");
        assertThat(t4.columnHeader()).isEqualTo("尚未审结");
        assertThat(t4.columnHeaders()).containsExactly("行政诉讼", "复议后起诉", "尚未审结");

        String pdf = squeeze(pdfText(r.pdf()));
        assertThat(pdf).contains("987654", "-4321", "8765.43万元", "97531");
    }

    @Test
    void numbersStandInTheirRowAndColumn2021() throws Exception {
        AnnualReport report = GoldenSeeds.load(2);
        report = withCell(report, TableId.APPLICATIONS, "otherUnpaidFee", "researchInstitution", Cell.of(424242));
        report = withCell(report, TableId.ACTIVE_DISCLOSURE, "administrativeFees", "feeAmount", Cell.of("12.3456"));
        report = withCell(
                report, TableId.REVIEWS_AND_LITIGATION, "administrativeReconsideration", "corrected", Cell.of(8642));
        Document page = xhtml(render(report).html());

        Located t3 = locate(table(page, 3), "424242");
        assertThat(t3.columnHeader()).isEqualTo("科研机构");
        assertThat(t3.rowHeaders()).containsExactly("三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
        Located fee = locate(table(page, 2), "12.3456");
        assertThat(fee.columnHeader()).isEqualTo("本年收费金额（单位：万元）");
        assertThat(fee.rowHeaders()).containsExactly("行政事业性收费");
        assertThat(fee.group()).isEqualTo("第二十条第（八）项");
        Located t4 = locate(table(page, 4), "8642");
        assertThat(t4.columnHeaders()).containsExactly("行政复议", "结果纠正");
    }

    @Test
    void narrativeIsEscapedInThePageAndShownAsTextInThePdf() throws Exception {
        AnnualReport report = withSection(GoldenSeeds.load(2), SectionKey.OVERVIEW, SCRIPT + "\n第二段");
        ReportRenderer.Rendered r = render(report);
        assertThat(r.html())
                .doesNotContain("<script")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; “引号”");
        Document page = xhtml(r.html());
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        Element overview = section(page, "overview");
        List<String> paragraphs = texts(overview, "p");
        assertThat(paragraphs).containsExactly(SCRIPT, "第二段");
        assertThat(pdfText(r.pdf())).contains("<script>alert('x')</script> & “引号” 正文");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void thePdfIsPdfA1bWithItsLanguageAndTitleAsPreflightChecks(int seed) throws Exception {
        ReportRenderer.Rendered r = render(GoldenSeeds.load(seed));
        Path file = Files.createTempFile("report-" + seed, ".pdf");
        try {
            Files.write(file, r.pdf());
            ValidationResult result = PreflightParser.validate(file.toFile());
            assertThat(result.getErrorsList())
                    .as("PDF/A-1b errors")
                    .extracting(e -> e.getErrorCode() + " " + e.getDetails())
                    .isEmpty();
            assertThat(result.isValid()).isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            XMPMetadata xmp = new DomXmpParser()
                    .parse(doc.getDocumentCatalog().getMetadata().exportXMPMetadata());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(1);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle())
                    .isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).contains("政府信息公开工作年度报告");
        }
    }

    @Test
    void thePdfEmbedsTheCjkFontAndIsTheSameEveryTime() throws Exception {
        AnnualReport report = GoldenSeeds.load(4);
        ReportRenderer.Rendered a = render(report);
        ReportRenderer.Rendered b = render(report);
        assertThat(a.pdf()).isEqualTo(b.pdf());
        assertThat(a.html()).isEqualTo(b.html());
        try (PDDocument doc = Loader.loadPDF(a.pdf())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            PDFont font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(doc.getDocumentInformation().getTitle())
                    .isEqualTo(ReportLayout.title(report.organisationName(), report.year()));
            assertThat(doc.getDocument().getTrailer().getCOSArray(COSName.ID)).isNotNull();
        }
        Path out = Path.of("target", "rendered");
        Files.createDirectories(out);
        Files.write(out.resolve("seed-004.pdf"), a.pdf());
        Files.writeString(out.resolve("seed-004.html"), a.html());
        Files.write(out.resolve("seed-000.pdf"), render(GoldenSeeds.load(0)).pdf());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The rows under 三、本年度办理结果 in the catalogue (the rowspan of that header cell). */
    static String resultRows(TemplateVersion t) {
        return Long.toString(TemplateCatalogue.table(t, TableId.APPLICATIONS).rows().stream()
                .filter(r -> !r.path().isEmpty() && r.path().get(0).equals("三、本年度办理结果"))
                .count());
    }

    static AnnualReport withCell(AnnualReport r, TableId id, String row, String column, Cell cell) {
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        ReportTable t = r.table(id);
        if (t != null) {
            t.rows().forEach((k, v) -> rows.put(k, new LinkedHashMap<>(v)));
        }
        rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(column, cell);
        ReportTable nt = new ReportTable(rows);
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                r.sections(),
                id == TableId.ACTIVE_DISCLOSURE ? nt : r.activeDisclosure(),
                id == TableId.APPLICATIONS ? nt : r.applications(),
                id == TableId.REVIEWS_AND_LITIGATION ? nt : r.reviewsAndLitigation());
    }

    static AnnualReport withSection(AnnualReport r, SectionKey key, String text) {
        List<Section> sections = new ArrayList<>();
        for (Section s : r.sections()) {
            sections.add(s.key() == key ? new Section(key, s.heading(), text) : s);
        }
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                sections,
                r.activeDisclosure(),
                r.applications(),
                r.reviewsAndLitigation());
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    static Document xhtml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static Element table(Document page, int number) {
        NodeList tables = page.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (t.getAttribute("data-table").equals(Integer.toString(number))) {
                return t;
            }
        }
        throw new AssertionError("no table " + number);
    }

    static Element section(Document page, String key) {
        NodeList s = page.getElementsByTagName("section");
        for (int i = 0; i < s.getLength(); i++) {
            if (((Element) s.item(i)).getAttribute("data-section").equals(key)) {
                return (Element) s.item(i);
            }
        }
        throw new AssertionError("no section " + key);
    }

    static Element th(Element table, String text) {
        NodeList ths = table.getElementsByTagName("th");
        for (int i = 0; i < ths.getLength(); i++) {
            if (ths.item(i).getTextContent().equals(text)) {
                return (Element) ths.item(i);
            }
        }
        throw new AssertionError("no header cell " + text);
    }

    static List<String> texts(Element e, String tag) {
        List<String> out = new ArrayList<>();
        NodeList n = e.getElementsByTagName(tag);
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    /**
     * Where a value stands: the header cells above it in its column (nearest last), the row's header cells, and for
     * Table 2 the article item of its block.
     */
    record Located(List<String> columnHeaders, List<String> rowHeaders, String group) {
        String columnHeader() {
            return columnHeaders.get(columnHeaders.size() - 1);
        }
    }

    /** Resolves rowspan/colspan into a grid (as a browser does) and finds the one td holding {@code value}. */
    static Located locate(Element table, String value) {
        List<Element> trs = new ArrayList<>();
        NodeList n = table.getElementsByTagName("tr");
        for (int i = 0; i < n.getLength(); i++) {
            trs.add((Element) n.item(i));
        }
        Map<Long, Element> grid = new LinkedHashMap<>();
        int width = 0;
        for (int r = 0; r < trs.size(); r++) {
            int c = 0;
            for (Node child = trs.get(r).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (!(child instanceof Element cell)) {
                    continue;
                }
                while (grid.containsKey(key(r, c))) {
                    c++;
                }
                int rs = cell.hasAttribute("rowspan") ? Integer.parseInt(cell.getAttribute("rowspan")) : 1;
                int cs = cell.hasAttribute("colspan") ? Integer.parseInt(cell.getAttribute("colspan")) : 1;
                for (int a = r; a < r + rs; a++) {
                    for (int b = c; b < c + cs; b++) {
                        grid.put(key(a, b), cell);
                    }
                }
                c += cs;
                width = Math.max(width, c);
            }
        }
        List<long[]> hits = new ArrayList<>();
        for (int r = 0; r < trs.size(); r++) {
            for (int c = 0; c < width; c++) {
                Element e = grid.get(key(r, c));
                if (e != null
                        && e.getTagName().equals("td")
                        && e.getTextContent().equals(value)
                        && (c == 0 || grid.get(key(r, c - 1)) != e)) {
                    hits.add(new long[] {r, c});
                }
            }
        }
        assertThat(hits).as("cells holding " + value).hasSize(1);
        int r = (int) hits.get(0)[0];
        int c = (int) hits.get(0)[1];
        List<String> above = new ArrayList<>();
        String group = null;
        Element last = null;
        for (int a = r - 1; a >= 0; a--) {
            Element e = grid.get(key(a, c));
            if (e == null || e.getTagName().equals("td")) {
                if (!above.isEmpty()) {
                    break; // Table 2: the header row of this block only
                }
                continue;
            }
            if (e != last) {
                if (e.getAttribute("class").equals("group")
                        && "colgroup".equals(e.getAttribute("scope"))
                        && Integer.parseInt(e.getAttribute("colspan").isEmpty() ? "1" : e.getAttribute("colspan"))
                                == width) {
                    group = e.getTextContent();
                    break;
                }
                above.add(0, e.getTextContent());
                last = e;
            }
        }
        if (group == null && r > 0) {
            for (int a = r - 1; a >= 0; a--) {
                Element e = grid.get(key(a, 0));
                if (e != null
                        && e.getTagName().equals("th")
                        && e.hasAttribute("colspan")
                        && Integer.parseInt(e.getAttribute("colspan")) == width) {
                    group = e.getTextContent();
                    break;
                }
            }
        }
        List<String> rowHeaders = new ArrayList<>();
        last = null;
        for (int b = 0; b < c; b++) {
            Element e = grid.get(key(r, b));
            if (e != null
                    && e.getTagName().equals("th")
                    && e != last
                    && !e.getAttribute("class").equals("corner")) {
                rowHeaders.add(e.getTextContent());
                last = e;
            }
        }
        return new Located(above, rowHeaders, group);
    }

    private static long key(int r, int c) {
        return ((long) r << 20) | c;
    }
}

package cn.gov.disclosure.intake.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Documents that cannot be read with certainty: the importer says where and why and never picks one of several
 * readings. Built from the catalogue (run-together text) and from a real PDF-to-text extraction.
 */
class AmbiguousDocumentsTest {

    private final ReportImporter importer = new ReportImporter();

    /**
     * A run-together Table 3 whose 二、上年结转 and 四、结转下年度 carry the same digits {@code 311312222}: three readings
     * fit each row's total (3,1,1,3,12,2,22 · 3,1,13,1,2,2,22 · 3,11,3,1,2,2,22) and, the two rows reading alike, every
     * column's balance too — the rows are left out and named with their readings; the rows around them are read.
     */
    @Test
    void runTogetherRowsWithSeveralReadingsAreLeftOutAndNamed() {
        String text = runTogether(Map.of("carriedOver", "311312222", "carriedForward", "311312222"));
        ImportResult result = importer.importText(text);
        ReportTable t3 = result.report().applications();
        assertThat(t3.hasRow("carriedOver")).isFalse();
        assertThat(t3.hasRow("carriedForward")).isFalse();
        assertThat(t3.value("newReceived", "total")).isZero();
        assertThat(t3.value("resultTotal", "naturalPerson")).isZero();
        assertThat(result.notes())
                .filteredOn(n -> "carriedOver".equals(n.row()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.messageZh())
                            .contains("311312222")
                            .contains("3 种拆分")
                            .contains("3、1、1、3、12、2、22")
                            .contains("3、1、13、1、2、2、22")
                            .contains("3、11、3、1、2、2、22")
                            .contains("未导入");
                });
        assertThat(result.notes()).anySatisfy(n -> assertThat(n.row()).isEqualTo("carriedForward"));
    }

    /** The same digits where the balance decides: 一 = 64,0,0,2,0,4,70 fixes 四 through 一 + 二 = （七） + 四. */
    @Test
    void runTogetherRowsTheArithmeticDecidesAreReadAndMarked() {
        String text = runTogether(Map.of(
                "newReceived",
                "640020470",
                "resultTotal",
                "630020469",
                "granted",
                "630020469",
                "carriedForward",
                "1000001"));
        ImportResult result = importer.importText(text);
        ReportTable t3 = result.report().applications();
        assertThat(t3.rows().get("newReceived").values())
                .extracting(c -> c.value().intValue())
                .containsExactly(64, 0, 0, 2, 0, 4, 70);
        assertThat(t3.value("carriedForward", "total")).isEqualByComparingTo("1");
        assertThat(result.notes())
                .filteredOn(n -> "newReceived".equals(n.row()))
                .singleElement()
                .satisfies(n -> assertThat(n.messageZh()).contains("按勾稽关系拆分").contains("64、0、0、2、0、4、70"));
    }

    /**
     * A document that does not add up: （一）予以公开 is printed 12,0,0,0,0,0,21 (the total a typo), run together as
     * {@code 120000021}. The one cut that fits the row's own total, 1,20,0,0,0,0,21, breaks the 自然人 and 商业企业
     * columns where the printed reading keeps them: it is left out and named, never imported as a figure nobody wrote.
     * The rows around it are read.
     */
    @Test
    void theOneCutThatFitsABrokenRowsTotalIsLeftOutWhenTheColumnsContradictIt() {
        String text = runTogether(Map.of(
                "newReceived", "171000018",
                "carriedOver", "1000001",
                "granted", "120000021",
                "unableNotHeld", "3100004",
                "otherOther", "2000002",
                "resultTotal", "171000018",
                "carriedForward", "1000001"));
        ImportResult result = importer.importText(text);
        ReportTable t3 = result.report().applications();
        assertThat(t3.hasRow("granted")).as("（一）予以公开 imported").isFalse();
        assertThat(result.notes())
                .filteredOn(n -> "granted".equals(n.row()))
                .singleElement()
                .satisfies(n -> assertThat(n.messageZh())
                        .contains("120000021")
                        .contains("1、20、0、0、0、0、21")
                        .contains("未导入"));
        assertThat(t3.rows().get("unableNotHeld").values())
                .extracting(c -> c.value().intValue())
                .containsExactly(3, 1, 0, 0, 0, 0, 4);
        assertThat(t3.value("carriedOver", "total")).isEqualByComparingTo("1");
    }

    /**
     * A header that names the columns in another order than the template's (其他 before 法律服务机构; Table 4's
     * 复议后起诉 before 未经复议直接起诉), the values following the header: read by position they would land in each
     * other's cells with every sum still holding — refused instead, naming the two columns.
     */
    @ParameterizedTest
    @CsvSource({
        "variants/table3-columns-swapped.html, 表3, 其他, 法律服务机构",
        "variants/table4-groups-swapped.html, 表4, 复议后起诉, 未经复议直接起诉"
    })
    void aHeaderOutOfTheTemplatesOrderIsRefusedNamingItsColumns(String file, String table, String first, String second)
            throws Exception {
        byte[] page = RealDocumentsTest.bytes(file);
        assertThatThrownBy(() -> importer.importDocument(page))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.messageZh()).startsWith(table + "的表头中「" + first + "」在「" + second + "」之前");
                            assertThat(p.line()).isNotNull();
                        }));
    }

    /** A space-separated row with one number too few and no blank to place the gap: refused, naming the row. */
    @Test
    void aRowWithACellMissingAndNoSeparatorToPlaceTheGapIsRefused() throws Exception {
        String text = RealDocumentsTest.resource("real/huaian-city-2024.pdftext.txt")
                .replace("34 0 0 0 0 0 34", "34 0 0 0 0 34");
        assertThatThrownBy(() -> importer.importText(text))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.row()).isEqualTo("carriedOver");
                            assertThat(p.messageZh()).contains("只有6个数值").contains("无法确定缺少的是哪一列");
                            assertThat(p.cells()).containsExactly("34", "0", "0", "0", "0", "34");
                        }));
    }

    /** A row with a number too many whose readings differ: refused, naming the row and its cells. */
    @Test
    void aRowWithAnExtraNumberWhoseReadingsDifferIsRefused() throws Exception {
        String text = RealDocumentsTest.resource("real/huaian-city-2024.pdftext.txt")
                .replace("1288 21 0 0 50 3 1362", "1288 21 0 0 50 3 7 1362");
        assertThatThrownBy(() -> importer.importText(text))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.row()).isEqualTo("granted");
                            assertThat(p.messageZh()).contains("8个数值");
                        }));
    }

    /** A Table 2 row without any relation inside it (693665 over three columns) is never guessed. */
    @Test
    void aTableTwoRowWithoutRelationIsLeftOut() throws Exception {
        ImportResult result = importer.importDocument(RealDocumentsTest.bytes("real/pingtan-zone-2021.crawler.txt"));
        assertThat(result.report().activeDisclosure().hasRow("normativeDocuments"))
                .isFalse();
        assertThat(result.notes()).anySatisfy(n -> {
            assertThat(n.row()).isEqualTo("normativeDocuments");
            assertThat(n.messageZh()).contains("693665").contains("无法确定");
        });
    }

    /** A 2021-template text whose body is one line, the cells of Table 3 run together, built from the catalogue. */
    private static String runTogether(Map<String, String> digits) {
        StringBuilder b = new StringBuilder("红星镇2021年政府信息公开工作年度报告\n");
        b.append("一、总体情况").append("2021年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，".repeat(12));
        b.append("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000");
        b.append("三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
        for (RowDef row : TemplateCatalogue.table(TemplateVersion.T2021, TableId.APPLICATIONS)
                .rows()) {
            if (!row.path().isEmpty()
                    && !b.toString().endsWith(row.path().get(row.path().size() - 1))) {
                b.append(row.path().get(row.path().size() - 1));
            }
            b.append(row.label()).append(digits.getOrDefault(row.key(), "0000000"));
        }
        b.append("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计").append("000000000000000");
        b.append("五、存在的主要问题及改进情况存在的问题是公开内容不够丰富。六、其他需要报告的事项本年度未收取信息处理费。");
        return b.toString();
    }
}

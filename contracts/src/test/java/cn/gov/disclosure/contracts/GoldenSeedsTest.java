package cn.gov.disclosure.contracts;

import static cn.gov.disclosure.contracts.model.SectionKey.ACTIVE_DISCLOSURE;
import static cn.gov.disclosure.contracts.model.SectionKey.APPLICATIONS;
import static cn.gov.disclosure.contracts.model.SectionKey.OTHER_MATTERS;
import static cn.gov.disclosure.contracts.model.SectionKey.OVERVIEW;
import static cn.gov.disclosure.contracts.model.SectionKey.PROBLEMS_AND_IMPROVEMENTS;
import static cn.gov.disclosure.contracts.model.SectionKey.REVIEWS_AND_LITIGATION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.RowRole;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.catalogue.ValueKind;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden transcriptions of the five seeds load, are complete, and hold the values read in the seeds. */
class GoldenSeedsTest {

    private static final ObjectMapper JSON = ContractsJson.mapper();

    static IntStream seeds() {
        return GoldenSeeds.numbers();
    }

    // ------------------------------------------------------------------ every seed

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCellOfTheTemplateIsPresentInCatalogueOrderAndNothingElse(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        for (TableId id : TableId.values()) {
            TableDef def = TemplateCatalogue.table(report.template(), id);
            ReportTable table = report.table(id);
            assertThat(table).as("seed %d table %s", n, id).isNotNull();
            assertThat(table.rows().keySet())
                    .as("seed %d table %s rows", n, id)
                    .containsExactlyElementsOf(
                            def.rows().stream().map(RowDef::key).toList());
            for (RowDef row : def.rows()) {
                assertThat(table.rows().get(row.key()).keySet())
                        .as("seed %d table %s row %s", n, id, row.key())
                        .containsExactlyElementsOf(
                                row.columns().stream().map(ColumnDef::key).toList());
            }
            int cells = table.rows().values().stream().mapToInt(Map::size).sum();
            assertThat(cells).as("seed %d table %s cells", n, id).isEqualTo(def.cellCount());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cellsAreWholeNumbersAndOnlyMoneyHasUnits(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        for (TableId id : TableId.values()) {
            TableDef def = TemplateCatalogue.table(report.template(), id);
            for (RowDef row : def.rows()) {
                for (ColumnDef column : row.columns()) {
                    Cell cell = report.table(id).cell(row.key(), column.key()).orElseThrow();
                    assertThat(cell.isWholeNumber())
                            .as("seed %d %s.%s", n, row.key(), column.key())
                            .isTrue();
                    assertThat(cell.value().scale())
                            .as("a count is written without decimals")
                            .isLessThanOrEqualTo(0);
                    if (column.unit() != null) {
                        assertThat(cell.unit())
                                .as("seed %d %s.%s: unit of the label", n, row.key(), column.key())
                                .isEqualTo(column.unit());
                    } else if (column.kind() != ValueKind.MONEY) {
                        assertThat(cell.unit())
                                .as("seed %d %s.%s", n, row.key(), column.key())
                                .isNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sectionsAreInDocumentOrderAndTheTableSectionsHaveNoText(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        List<SectionKey> keys = report.sections().stream().map(Section::key).toList();
        List<SectionKey> expected = n == 1
                ? List.of(OVERVIEW, ACTIVE_DISCLOSURE, APPLICATIONS, REVIEWS_AND_LITIGATION, PROBLEMS_AND_IMPROVEMENTS)
                : Arrays.asList(SectionKey.values());
        assertThat(keys).containsExactlyElementsOf(expected);
        for (Section s : report.sections()) {
            assertThat(s.heading())
                    .as("seed %d %s heading", n, s.key())
                    .startsWith(s.key().numeral() + "、");
            if (s.key() == ACTIVE_DISCLOSURE || s.key() == APPLICATIONS || s.key() == REVIEWS_AND_LITIGATION) {
                assertThat(s.text()).as("seed %d %s: only a table", n, s.key()).isEmpty();
            } else {
                assertThat(s.text()).as("seed %d %s", n, s.key()).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void narrativeFollowsTheTranscriptionRules(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        String seed = GoldenSeeds.seedText(n);
        List<String> seedLines = seed.lines().toList();
        assertThat(report.title()).isEqualTo(report.title().strip()).doesNotContain("#", "**", "\n");
        for (Section s : report.sections()) {
            assertThat(s.heading())
                    .as("seed %d %s heading", n, s.key())
                    .isEqualTo(s.heading().strip())
                    .doesNotContain("#", "**", "\u00a0");
            assertThat(seedLines)
                    .as("seed %d: the heading %s is a line of the seed", n, s.heading())
                    .anyMatch(line -> line.contains(s.heading()));
            if (s.text().isEmpty()) {
                continue;
            }
            for (String line : s.text().split("\n", -1)) {
                assertThat(line)
                        .as("seed %d %s: a text line", n, s.key())
                        .isNotEmpty()
                        .isEqualTo(line.strip())
                        .doesNotStartWith("#")
                        .doesNotStartWith("- ")
                        .doesNotContain("**", "[bookmark", "\t");
                assertThat(seedLines)
                        .as("seed %d %s: '%s' comes from one line of the seed", n, s.key(), line)
                        .anyMatch(seedLine -> seedLine.contains(line));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void organisationYearAndTitleAreThoseOfTheSeed(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        String seed = GoldenSeeds.seedText(n).replace(" ", "");
        assertThat(seed).contains(report.organisationName() + report.year() + "年");
        assertThat(report.title()).contains(String.valueOf(report.year())).endsWith("年度报告");
        assertThat(report.title().replace(" ", "")).startsWith(report.organisationName() + report.year() + "年");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTemplateIsTheOneTheYearRequires(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        assertThat(report.template()).isEqualTo(TemplateVersion.requiredFor(report.year()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundTripSerialiseParseEqual(int n) throws Exception {
        AnnualReport report = GoldenSeeds.load(n);
        String written = JSON.writeValueAsString(report);
        assertThat(JSON.readValue(written, AnnualReport.class)).isEqualTo(report);
        // the golden file is already in the form the mapper writes (same keys, same numbers, no nulls)
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(GoldenSeeds.json(n)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seedTextComesFromTheClasspathCopyAndMatchesTheSharedFolderWhenPresent(int n) throws Exception {
        String text = GoldenSeeds.seedText(n);
        assertThat(text).contains("一、总体情况");
        var shared = GoldenSeeds.sharedSeedsDirectory();
        if (shared.isPresent()) {
            assertThat(text).isEqualTo(Files.readString(shared.get().resolve(GoldenSeeds.seedFileName(n))));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tableThreeAndFourAddUp(int n) {
        AnnualReport report = GoldenSeeds.load(n);
        ReportTable t3 = report.applications();
        TableDef d3 = TemplateCatalogue.table(report.template(), TableId.APPLICATIONS);
        for (ColumnDef c : d3.columns()) {
            BigDecimal results = d3.rowsWithRole(RowRole.RESULT).stream()
                    .map(r -> t3.value(r.key(), c.key()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(results).isEqualByComparingTo(t3.value("resultTotal", c.key()));
            assertThat(t3.value("newReceived", c.key()).add(t3.value("carriedOver", c.key())))
                    .isEqualByComparingTo(t3.value("resultTotal", c.key()).add(t3.value("carriedForward", c.key())));
        }
        ReportTable t4 = report.reviewsAndLitigation();
        for (String row : t4.rows().keySet()) {
            assertThat(t4.value(row, "upheld")
                            .add(t4.value(row, "corrected"))
                            .add(t4.value(row, "otherOutcome"))
                            .add(t4.value(row, "pending")))
                    .isEqualByComparingTo(t4.value(row, "total"));
        }
    }

    // ------------------------------------------------------------------ seed by seed

    @Test
    void seed000_jinjiangZimao2020() {
        AnnualReport r = GoldenSeeds.load(0);
        assertThat(r.organisationName()).isEqualTo("晋江市紫帽镇人民政府");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.template()).isEqualTo(TemplateVersion.T2019);
        assertThat(r.title()).isEqualTo("晋江市紫帽镇人民政府 2020年政府信息公开工作年度报告");
        ReportTable t2 = r.activeDisclosure();
        assertCells(t2, "rules", "newlyMade", 2, "newlyPublished", 2, "totalPublished", 5);
        assertCells(t2, "normativeDocuments", "newlyMade", 0, "newlyPublished", 0, "totalPublished", 0);
        assertCells(t2, "administrativeLicensing", "previousYearItems", 0, "changeThisYear", 1, "decisions", 1);
        assertCells(t2, "centralisedProcurement", "procurementProjects", 0);
        assertThat(t2.cell("centralisedProcurement", "procurementAmount")).contains(Cell.money("0", "元"));
        assertAllZero(r.applications());
        assertAllZero(r.reviewsAndLitigation());
        assertThat(r.section(PROBLEMS_AND_IMPROVEMENTS).orElseThrow().heading()).isEqualTo("五、存在的主要问题及下一步工作计划");
        assertThat(r.section(OVERVIEW).orElseThrow().text())
                .startsWith("（一）政务信息公开情况\n1. 加强领导，健全工作机制。")
                .contains("\n2020年共收到政府信息公开申请0件；共处理政府信息公开申请0件。\n")
                .contains("政务微矩阵等目录\n政务公开内容。\n")
                .contains("报道 1777 篇。")
                .doesNotContain("晋紫政");
        assertThat(r.section(OTHER_MATTERS).orElseThrow().text())
                .startsWith("无。\n")
                .endsWith("2021年1月6日印发");
    }

    @Test
    void seed001_nankou2020_hasNoSectionSix() {
        AnnualReport r = GoldenSeeds.load(1);
        assertThat(r.organisationName()).isEqualTo("南口镇");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.template()).isEqualTo(TemplateVersion.T2019);
        assertThat(r.title()).as("a title over two lines, joined").isEqualTo("南口镇2020年政府信息公开工作年度报告");
        assertThat(r.section(OTHER_MATTERS)).isEmpty();
        assertThat(r.sections()).hasSize(5);
        ReportTable t2 = r.activeDisclosure();
        assertCells(t2, "centralisedProcurement", "procurementProjects", 17, "procurementAmount", 438754);
        assertThat(t2.cell("centralisedProcurement", "procurementAmount")
                        .orElseThrow()
                        .unit())
                .as("no unit stated, none guessed")
                .isNull();
        assertCells(t2, "otherManagementServices", "previousYearItems", 0, "changeThisYear", 0, "decisions", 0);
        assertAllZero(r.applications());
        assertAllZero(r.reviewsAndLitigation());
        assertThat(r.section(PROBLEMS_AND_IMPROVEMENTS).orElseThrow().text().lines())
                .hasSize(5);
    }

    @Test
    void seed002_zhangshuChangfu2021() {
        AnnualReport r = GoldenSeeds.load(2);
        assertThat(r.organisationName()).isEqualTo("樟树市昌傅镇");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.template()).isEqualTo(TemplateVersion.T2021);
        assertThat(r.title()).isEqualTo("樟树市昌傅镇2021年政府信息公开年度报告");
        ReportTable t2 = r.activeDisclosure();
        assertCells(t2, "rules", "issued", 0, "repealed", 0, "inForce", 0);
        assertCells(t2, "normativeDocuments", "issued", 7, "repealed", 0, "inForce", 7);
        assertCells(t2, "administrativeLicensing", "decisions", 0);
        assertThat(t2.cell("administrativeFees", "feeAmount")).contains(Cell.money("0", "万元"));
        assertAllZero(r.applications());
        assertAllZero(r.reviewsAndLitigation());
        assertThat(r.applications().rows())
                .containsKeys("otherNoCorrection", "otherUnpaidFee", "otherOther")
                .doesNotContainKey("otherHandling");
        assertThat(r.section(ACTIVE_DISCLOSURE).orElseThrow().heading()).isEqualTo("二、行政机关主动公开政府信息情况");
        assertThat(r.section(REVIEWS_AND_LITIGATION).orElseThrow().heading())
                .as("the leading no-break space is trimmed")
                .isEqualTo("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况");
        String overview = r.section(OVERVIEW).orElseThrow().text();
        assertThat(overview).as("the preamble belongs to no section").doesNotContain("本报告依据");
        assertThat(overview).as("[bookmark: _GoBack] removed").contains("\n（五）监督保障\n根据政务公开相关制度和人员管理，");
        assertThat(r.section(OTHER_MATTERS).orElseThrow().text()).isEqualTo("暂无其他需要报告的事项。");
    }

    @Test
    void seed003_hongxing2020() {
        AnnualReport r = GoldenSeeds.load(3);
        assertThat(r.organisationName()).isEqualTo("红星镇");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.template()).isEqualTo(TemplateVersion.T2019);
        assertThat(r.title()).isEqualTo("红星镇 2020 年政府信息公开工作年度报告");
        ReportTable t2 = r.activeDisclosure();
        assertCells(t2, "administrativeLicensing", "previousYearItems", 36, "changeThisYear", 0, "decisions", 23);
        assertCells(t2, "otherManagementServices", "previousYearItems", 34, "changeThisYear", 0, "decisions", 253);
        assertCells(t2, "centralisedProcurement", "procurementProjects", 0, "procurementAmount", 0);
        assertThat(t2.cell("centralisedProcurement", "procurementAmount")
                        .orElseThrow()
                        .unit())
                .isNull();
        assertAllZero(r.applications());
        assertAllZero(r.reviewsAndLitigation());
        assertThat(r.section(OTHER_MATTERS).orElseThrow().text())
                .startsWith("2021年，我镇将按照县政务公开办要求")
                .contains("\n四是进一步加大政务公开学习力度。");
    }

    @Test
    void seed004_huimeng2021_markdown() {
        AnnualReport r = GoldenSeeds.load(4);
        assertThat(r.organisationName()).isEqualTo("会盟镇人民政府");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.template()).isEqualTo(TemplateVersion.T2021);
        assertThat(r.title()).isEqualTo("会盟镇人民政府2021年政府信息公开工作年度报告");
        assertThat(r.sections())
                .extracting(Section::heading)
                .containsExactly(
                        "一、总体情况",
                        "二、主动公开政府信息情况",
                        "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况",
                        "五、存在的主要问题及改进情况",
                        "六、其他需要报告的事项");
        ReportTable t2 = r.activeDisclosure();
        assertCells(t2, "normativeDocuments", "issued", 0, "repealed", 0, "inForce", 0);
        assertThat(t2.cell("administrativeFees", "feeAmount")).contains(Cell.money("0", "万元"));
        assertThat(r.applications().rows().get("resultTotal"))
                .as("the extra eighth cell is not kept")
                .hasSize(7);
        assertThat(r.reviewsAndLitigation().rows().values())
                .allSatisfy(row -> assertThat(row).hasSize(5));
        assertAllZero(r.applications());
        assertAllZero(r.reviewsAndLitigation());
        assertThat(r.section(OVERVIEW).orElseThrow().text()).contains("\n（一）基层政务公开标准化规范化推进情况\n");
        assertThat(r.section(PROBLEMS_AND_IMPROVEMENTS).orElseThrow().text())
                .startsWith("(一) 存在的主要问题\n")
                .contains("\n(二) 改进措施情况\n一是强化组织领导。")
                .endsWith("努力提高政府信息公开水平。");
        assertThat(r.section(OTHER_MATTERS).orElseThrow().text()).isEqualTo("2021年度内没有其他需要报告的事项。");
    }

    @Test
    void allFiveLoad() {
        assertThat(GoldenSeeds.loadAll())
                .hasSize(GoldenSeeds.COUNT)
                .extracting(AnnualReport::organisationName)
                .containsExactly("晋江市紫帽镇人民政府", "南口镇", "樟树市昌傅镇", "红星镇", "会盟镇人民政府");
    }

    @Test
    void goldenFilesAreValidJsonObjectsWithTheModelsKeysInOrder() throws Exception {
        List<String> components = Arrays.stream(AnnualReport.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        for (int n = 0; n < GoldenSeeds.COUNT; n++) {
            JsonNode tree = JSON.readTree(GoldenSeeds.json(n));
            List<String> keys = new ArrayList<>();
            tree.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("seed %d", n).containsExactlyElementsOf(components);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertCells(ReportTable table, String row, Object... columnValuePairs) {
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            String column = (String) columnValuePairs[i];
            long expected = ((Number) columnValuePairs[i + 1]).longValue();
            assertThat(table.value(row, column))
                    .as("%s.%s", row, column)
                    .isNotNull()
                    .isEqualByComparingTo(BigDecimal.valueOf(expected));
        }
    }

    private static void assertAllZero(ReportTable table) {
        table.rows()
                .forEach((row, cells) -> cells.forEach((column, cell) ->
                        assertThat(cell.value()).as("%s.%s", row, column).isEqualByComparingTo(BigDecimal.ZERO)));
    }
}

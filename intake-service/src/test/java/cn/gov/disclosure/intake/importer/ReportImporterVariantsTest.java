package cn.gov.disclosure.intake.importer;

import static cn.gov.disclosure.intake.importer.ImporterTestSupport.line;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.lineOf;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.lines;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.removeLine;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.replaceLine;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.withActiveDisclosure;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.withApplications;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.withRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeds changed the way real reports differ: the same layouts with other values, other spellings, errors. */
class ReportImporterVariantsTest {

    private final ReportImporter importer = new ReportImporter();

    private ImportException failure(String text) {
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.importText(text));
        assertThat(e).as("ImportException").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        return e;
    }

    // ------------------------------------------------------------------ extra cells

    @Test
    void anExtraCellThatChangesTheValuesIsAProblemNamingRowLineAndCells() {
        String seed = GoldenSeeds.seedText(4);
        String text = replaceLine(seed, "(七) 总计", "(七) 总计\t\t0\t0\t0\t0\t0\t0\t0\t3\t");

        ImportException e = failure(text);

        assertThat(e.problems()).hasSize(1);
        ImportProblem p = e.problems().get(0);
        assertThat(p.row()).isEqualTo("resultTotal");
        assertThat(p.line()).isEqualTo(lineOf(seed, "(七) 总计"));
        assertThat(p.cells()).containsExactly("0", "0", "0", "0", "0", "0", "0", "3");
        assertThat(p.messageZh()).contains("（七）总计", "8个数值", "7列");
        assertThat(p.messageEn()).contains("extra");
    }

    @Test
    void anExtraCellInTable4ThatChangesTheValuesIsAProblem() {
        String seed = GoldenSeeds.seedText(4);
        String data = line(seed, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
        String text = seed.replace(data, "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");

        ImportProblem p = failure(text).problems().get(0);

        assertThat(p.row()).isEqualTo("reviewsAndLitigation");
        assertThat(p.line()).isEqualTo(lineOf(seed, data));
        assertThat(p.cells()).hasSize(16).startsWith("1", "0", "0", "0", "1");
    }

    @Test
    void anExtraCellWhoseReadingsAgreeIsImportedWithAWarning() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(seed, "规范性文件", "规范性文件\t0\t0\t0\t0");

        ImportResult result = importer.importText(text);

        assertThat(result.report()).isEqualTo(GoldenSeeds.load(0));
        assertThat(result.notes()).singleElement().satisfies(n -> {
            assertThat(n.row()).isEqualTo("normativeDocuments");
            assertThat(n.line()).isEqualTo(lineOf(seed, "规范性文件"));
        });
    }

    // ------------------------------------------------------------------ not a number

    /**
     * A PDF's narrow label cell wrapped over three lines, its middle piece in the first value cell (2.其他法律行 /
     * 政法规禁止公 0 / 开, as PDFBox reads a Word PDF): the piece and the number are two cells, the label joins up
     * around its numbers, and the report is the seed's.
     */
    @Test
    void aLabelPieceSharingTheFirstValueCellIsReadApartFromTheNumber() {
        String seed = GoldenSeeds.seedText(0);
        String line = seed.lines()
                .filter(l -> l.contains("2.其他法律行政法规禁止公开"))
                .findFirst()
                .orElseThrow();
        String values = line.substring(line.indexOf("\t0"));
        String wrapped = "\t\t2.其他法律行\n\t\t政法规禁止公 " + values.strip() + "\n\t\t开";
        String text = seed.replace(line, wrapped);
        assertThat(text).isNotEqualTo(seed);

        ImportResult result = importer.importText(text);

        assertThat(result.report()).isEqualTo(GoldenSeeds.load(0));
    }

    /** 现行有效件数 written 5（含上年结转2件）: the figure is 5, the remark in brackets is noted, not imported. */
    @Test
    void aRemarkInBracketsAfterAFigureIsNotedAndTheFigureRead() {
        String seed = GoldenSeeds.seedText(4); // a 2021-template report: 规章 本年制发 / 本年废止 / 现行有效
        String text = replaceLine(seed, "规章\t", "规章\t2\t0\t5（含上年结转2件）");
        text = replaceLine(text, "行政规范性文件\t", "行政规范性文件\t1\t0\t8件（其中2件为修订）");

        ImportResult result = importer.importText(text);

        assertThat(result.report().activeDisclosure().value("rules", "inForce")).isEqualByComparingTo("5");
        assertThat(result.report().activeDisclosure().value("normativeDocuments", "inForce"))
                .isEqualByComparingTo("8");
        assertThat(result.notes())
                .filteredOn(n -> "rules".equals(n.row()))
                .singleElement()
                .satisfies(n -> assertThat(n.messageZh()).contains("5（含上年结转2件）", "已按 5 导入", "括号内的说明未导入"));
    }

    @Test
    void textInACellIsAProblemNamingLineAndRow() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(seed, "规章\t", "规章\t2\tabc\t5");

        ImportProblem p = failure(text).problems().get(0);

        assertThat(p.line()).isEqualTo(lineOf(seed, "规章\t"));
        assertThat(p.row()).isEqualTo("rules");
        assertThat(p.cells()).containsExactly("abc");
        assertThat(p.messageZh()).contains("abc", "不是数字");
    }

    @Test
    void aMalformedNumberInACellIsAProblem() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(seed, "一、本年新收", "一、本年新收政府信息公开申请数量\t\t0\t1,2\t0\t0\t0\t0\t0\t\t");

        ImportProblem p = failure(text).problems().get(0);

        assertThat(p.line()).isEqualTo(lineOf(seed, "一、本年新收"));
        assertThat(p.row()).isEqualTo("newReceived");
        assertThat(p.cells()).containsExactly("1,2");
    }

    @Test
    void aNonNumberInTheOneCellPerLineLayoutIsAProblemWithItsLine() {
        String seed = GoldenSeeds.seedText(1);
        // the second value of 规章 (seed 001: label and values each on a line of its own)
        int labelLine = lineOf(seed, "规章");
        List<String> lines = new ArrayList<>(lines(seed));
        lines.set(labelLine + 1, "\tabc");
        ImportProblem p = failure(String.join("\n", lines)).problems().get(0);

        assertThat(p.line()).isEqualTo(labelLine + 2);
        assertThat(p.row()).isEqualTo("rules");
        assertThat(p.cells()).containsExactly("abc");
    }

    @Test
    void everyProblemOfTheDocumentIsReported() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(replaceLine(seed, "规章\t", "规章\tx\t2\t5"), "行政处罚\t", "行政处罚\t0\t0\t0.0.1");

        assertThat(failure(text).problems())
                .extracting(ImportProblem::row)
                .containsExactly("rules", "administrativePenalty");
    }

    // ------------------------------------------------------------------ nothing recognisable

    @Test
    void aFigureOfTwentyOneDigitsIsAProblemNamingRowLineAndCell() {
        // the same bound as a cell read from JSON: below 10^15 (found by the hostile-input run on the JSON side)
        String seed = GoldenSeeds.seedText(4);
        String text = replaceLine(seed, "(七) 总计", "(七) 总计\t\t123456789012345678901\t0\t0\t0\t0\t0\t0\t");

        ImportException e = failure(text);

        ImportProblem p = e.problems().get(0);
        assertThat(p.line()).isEqualTo(lineOf(seed, "(七) 总计"));
        assertThat(p.row()).isEqualTo("resultTotal");
        assertThat(p.messageZh()).contains("123456789012345678901", "10 的 15 次方");
        assertThat(p.messageEn()).contains("no plausible figure");
    }

    @Test
    void garbageIsNoReport() {
        ImportException e = failure("Lorem ipsum dolor sit amet\n\n这不是一份报告。\n1\t2\t3\n");

        assertThat(e.problems().get(0).messageZh()).contains("未识别到报表表格");
        assertThat(e.problems().get(0).messageEn()).contains("no report tables recognised");
    }

    @Test
    void sectionsWithoutTablesAreNoReport() {
        String text = "某镇2021年政府信息公开工作年度报告\n一、总体情况\n略。\n五、存在的主要问题及改进情况\n无。\n";

        assertThat(failure(text).problems().get(0).messageEn()).contains("no report tables recognised");
    }

    @Test
    void emptyTextIsNoReport() {
        assertThat(failure("  \n\n").problems()).isNotEmpty();
        assertThat(catchThrowableOfType(ImportException.class, () -> importer.importText(null)))
                .isNotNull();
    }

    // ------------------------------------------------------------------ missing and empty cells

    @Test
    void aMissingRowIsLeftOutWithANote() {
        String seed = GoldenSeeds.seedText(0);
        String text = removeLine(seed, "\t\t5.属于三类内部事务信息");

        ImportResult result = importer.importText(text);

        AnnualReport golden = GoldenSeeds.load(0);
        assertThat(result.report())
                .isEqualTo(
                        withApplications(golden, withRow(golden.applications(), "refusedInternalAffairs", r -> null)));
        assertThat(result.notes()).singleElement().satisfies(n -> {
            assertThat(n.row()).isEqualTo("refusedInternalAffairs");
            assertThat(n.messageZh()).contains("5.属于三类内部事务信息");
        });
    }

    @Test
    void aShortRowIsAProblemUnlessEmptyCellsSayWhereTheGapIs() {
        String seed = GoldenSeeds.seedText(0);

        ImportProblem p =
                failure(replaceLine(seed, "规章\t", "规章\t2\t5")).problems().get(0);
        assertThat(p.row()).isEqualTo("rules");
        assertThat(p.cells()).containsExactly("2", "5");

        ImportResult result = importer.importText(replaceLine(seed, "规章\t", "规章\t2\t\t5"));
        AnnualReport golden = GoldenSeeds.load(0);
        assertThat(result.report())
                .isEqualTo(withActiveDisclosure(golden, withRow(golden.activeDisclosure(), "rules", r -> {
                    r.remove("newlyPublished");
                    return r;
                })));
        assertThat(result.notes()).singleElement().satisfies(n -> {
            assertThat(n.row()).isEqualTo("rules");
            assertThat(n.messageZh()).contains("本年新公开数量");
        });
    }

    @Test
    void aMissingSectionIsLeftOut() {
        // seed 001 has no 六: the golden report has five sections and no note is needed
        assertThat(importer.importText(GoldenSeeds.seedText(1)).report().sections())
                .hasSize(5);
    }

    // ------------------------------------------------------------------ values

    @Test
    void negativeChangesMoneyUnitsAndDecimalsAreKept() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(replaceLine(seed, "行政许可\t", "行政许可\t5\t－3\t2"), "政府集中采购\t", "政府集中采购\t2\t12.5万元\t");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.activeDisclosure().cell("administrativeLicensing", "changeThisYear"))
                .contains(new Cell(new BigDecimal("-3"), null));
        assertThat(report.activeDisclosure().cell("centralisedProcurement", "procurementAmount"))
                .contains(new Cell(new BigDecimal("12.5"), "万元"));
        assertThat(report.activeDisclosure().cell("centralisedProcurement", "procurementProjects"))
                .contains(Cell.of(2));
    }

    @Test
    void aFeeInTheColumnsUnitKeepsThatUnit() {
        String seed = GoldenSeeds.seedText(4);
        String text = replaceLine(seed, "行政事业性收费\t", "行政事业性收费\t0.1234\t\t");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.activeDisclosure().cell("administrativeFees", "feeAmount"))
                .contains(new Cell(new BigDecimal("0.1234"), "万元"));
    }

    @Test
    void fullWidthDigitsAndCountWordsAreNumbers() {
        String seed = GoldenSeeds.seedText(3);
        String text = replaceLine(seed, "行政许可\t", "行政许可\t３６\t0\t23件");

        assertThat(importer.importText(text).report()).isEqualTo(GoldenSeeds.load(3));
    }

    // ------------------------------------------------------------------ other layouts

    @Test
    void markdownPipeTablesReadLikeTabSeparatedOnes() {
        String seed = GoldenSeeds.seedText(4);
        StringBuilder b = new StringBuilder();
        boolean inTable = false;
        for (String line : lines(seed)) {
            if (line.contains("\t")) {
                b.append("| ").append(line.replace("\t", " | ")).append(" |\n");
                if (!inTable) {
                    b.append("|---|---|---|\n");
                }
                inTable = true;
            } else {
                inTable = false;
                b.append(line).append('\n');
            }
        }

        ImportResult result = importer.importText(b.toString());

        assertThat(result.report()).isEqualTo(GoldenSeeds.load(4));
        assertThat(result.notes())
                .extracting(ImportNote::row)
                .containsExactly("resultTotal", "carriedForward", "reviewsAndLitigation");
    }

    @Test
    void oneCellPerLineWithoutTabsReadsLikeTheTable() {
        String seed = GoldenSeeds.seedText(0);
        StringBuilder b = new StringBuilder();
        for (String line : lines(seed)) {
            if (line.contains("\t")) {
                for (String cell : line.split("\t")) {
                    if (!cell.isBlank()) {
                        b.append(cell).append('\n');
                    }
                }
                b.append('\n');
            } else {
                b.append(line).append('\n');
            }
        }

        ImportResult result = importer.importText(b.toString());

        assertThat(result.report()).isEqualTo(GoldenSeeds.load(0));
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void labelsSplitOverCellsAndLinesAreJoined() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(seed, "其他对外管理服务事项\t", "其他对外\n管理服务事项\t0\t0\t0");
        text = replaceLine(text, "\t(二) 部分公开", "\t(二) 部分公开\t(区分处理的，只计这一情形，不计其他情形)\t0\t0\t0\t0\t0\t0\t0");
        text = replaceLine(text, "\t\t3.补正后申请内容仍不明确", "\t\t3. 补正后申请\t0\t0\t0\t0\t0\t0\t0\n\t\t内容仍不明确");

        ImportResult result = importer.importText(text);

        assertThat(result.report().activeDisclosure())
                .isEqualTo(GoldenSeeds.load(0).activeDisclosure());
        assertThat(result.report().applications()).isEqualTo(GoldenSeeds.load(0).applications());
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void theTemplateComesFromTheTablesNotFromTheYear() {
        String text = GoldenSeeds.seedText(4).replace("会盟镇人民政府2021年", "会盟镇人民政府2020年");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.year()).isEqualTo(2020);
        assertThat(report.template()).isEqualTo(TemplateVersion.T2021);
    }

    @Test
    void aTableOfContentsBeforeTheReportIsNoSection() {
        String seed = GoldenSeeds.seedText(2);
        String toc =
                "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
        String text = seed.replace("年度报告\n", "年度报告\n" + toc);

        assertThat(importer.importText(text).report()).isEqualTo(GoldenSeeds.load(2));
    }

    @Test
    void numberedNarrativeIsNoHeading() {
        String seed = GoldenSeeds.seedText(3);
        // a sub-heading of the overview that names 申请 must not start section 三
        String text = seed.replace("(二) 突出重点", "三、依申请公开工作\n(二) 突出重点");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.sections())
                .extracting(s -> s.key().key())
                .containsExactly(
                        "overview",
                        "activeDisclosure",
                        "applications",
                        "reviewsAndLitigation",
                        "problemsAndImprovements",
                        "otherMatters");
        assertThat(report.sections().get(0).text()).contains("三、依申请公开工作");
        assertThat(report.applications()).isEqualTo(GoldenSeeds.load(3).applications());
    }

    @Test
    void aRowTwiceWithDifferentValuesIsAProblem() {
        String seed = GoldenSeeds.seedText(0);
        String text = replaceLine(seed, "规范性文件\t", "规范性文件\t0\t0\t0\n规章\t1\t1\t1");

        assertThat(failure(text).problems()).extracting(ImportProblem::row).containsExactly("rules");
    }

    @Test
    void theTitleMayUseFullWidthDigitsAndStandOnTwoLines() {
        String text = GoldenSeeds.seedText(0).replace("晋江市紫帽镇人民政府 2020年政府信息公开工作年度报告", "晋江市紫帽镇人民政府 ２０２０年政府信息公开工作\n年度报告");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.year()).isEqualTo(2020);
        assertThat(report.organisationName()).isEqualTo("晋江市紫帽镇人民政府");
        assertThat(report.title()).isEqualTo("晋江市紫帽镇人民政府 ２０２０年政府信息公开工作年度报告");
    }

    @Test
    void aSingleOtherHandlingRowWithNumbersTellsThe2019TemplateWithoutTable2() {
        String text = GoldenSeeds.seedText(0)
                .replaceAll("(?s)(二、主动公开政府信息情况\n\n).*?(\n\n三、收到)", "$1无。$2")
                .replace(" 2020年政府", " 2021年政府");

        ImportResult result = importer.importText(text);

        assertThat(result.report().template()).isEqualTo(TemplateVersion.T2019);
        assertThat(result.report().activeDisclosure()).isNull();
        assertThat(result.report().applications()).isEqualTo(GoldenSeeds.load(0).applications());
        assertThat(result.notes()).extracting(ImportNote::row).containsExactly("activeDisclosure");
    }

    @Test
    void aTitleStartingWithTheYearNamesTheOrganAfterIt() {
        String text = GoldenSeeds.seedText(3).replace("红星镇 2020 年政府信息公开工作年度报告", "2020年度红星镇政府信息公开工作年度报告");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.organisationName()).isEqualTo("红星镇");
        assertThat(report.year()).isEqualTo(2020);
    }

    @Test
    void narrativeAroundATableIsTheSectionsText() {
        String seed = GoldenSeeds.seedText(2);
        String text = seed.replace("二、行政机关主动公开政府信息情况\n", "二、行政机关主动公开政府信息情况\n本年度主动公开情况如下表。\n")
                .replace("\n三、行政机关收到和处理", "\t注：本年度制发规范性文件7件。\n三、行政机关收到和处理");

        AnnualReport report = importer.importText(text).report();

        assertThat(report.section(SectionKey.ACTIVE_DISCLOSURE).orElseThrow().text())
                .isEqualTo("本年度主动公开情况如下表。\n注：本年度制发规范性文件7件。");
        assertThat(report.activeDisclosure()).isEqualTo(GoldenSeeds.load(2).activeDisclosure());
    }
}

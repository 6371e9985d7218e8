package cn.gov.disclosure.validation.rules;

import static cn.gov.disclosure.contracts.catalogue.TableId.APPLICATIONS;
import static cn.gov.disclosure.contracts.catalogue.TableId.REVIEWS_AND_LITIGATION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlausibilityRulesTest {

    /** Seed {@code n} with Table 3 row 一 total (and 自然人) set to {@code received}. */
    private static ReportEditor received(int n, long received) {
        return ReportEditor.seed(n)
                .cell(APPLICATIONS, "newReceived", "naturalPerson", received)
                .cell(APPLICATIONS, "newReceived", "total", received);
    }

    @Nested
    class RulesAtTownship {
        final Rule rule = new RulesAtTownshipRule();

        @Test
        void seed000ReportsRulesAtATownship() {
            List<Finding> f = Checks.run(rule, ReportEditor.golden(0));
            assertThat(f).extracting(x -> x.actual().intValue()).containsExactly(2, 2, 5);
            assertThat(f).allSatisfy(x -> {
                assertThat(x.location().row()).isEqualTo("rules");
                assertThat(x.messageZh()).contains("规章");
            });
        }

        @Test
        void aCityMayMakeRules() {
            AnnualReport r = ReportEditor.golden(0);
            assertThat(Checks.run(rule, r, ValidationContext.selfDeclared(r, OrganisationLevel.CITY)))
                    .isEmpty();
            assertThat(Checks.run(rule, r, ValidationContext.selfDeclared(r, OrganisationLevel.COUNTY)))
                    .hasSize(3);
        }

        @Test
        void noRulesPass() {
            assertThat(Checks.run(rule, ReportEditor.golden(3))).isEmpty();
        }
    }

    @Nested
    class NarrativeApplications {
        final Rule rule = new NarrativeApplicationsRule();

        @Test
        void statedNumberAgainstTable3() {
            AnnualReport r = received(0, 3).build(); // 2020年共收到政府信息公开申请0件
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("3");
                assertThat(x.actual()).isEqualByComparingTo("0");
                assertThat(x.location().section()).isEqualTo(SectionKey.OVERVIEW);
                assertThat(x.location().sentence()).isEqualTo("2020年共收到政府信息公开申请0件；共处理政府信息公开申请0件。");
                assertThat(x.messageZh()).contains("一、本年新收政府信息公开申请数量");
            });
        }

        @Test
        void noneReceivedAgainstANonZeroTotal() {
            assertThat(Checks.run(rule, received(2, 2).build()))
                    .singleElement() // 2021年未收到依申请公开申请
                    .satisfies(x -> assertThat(x.actual()).isZero());
            assertThat(Checks.run(rule, received(4, 1).build()))
                    .singleElement() // 没有收到公开政府信息申请
                    .satisfies(x -> assertThat(x.location().sentence()).isEqualTo("本年度我镇没有收到公开政府信息申请。"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"本年度共收到政府信息公开申请十二件。", "我镇共受理依申请公开１２件，均已办结。", "全年新收政府信息公开申请共计12件。", "共收到12件政府信息公开申请。"})
        void chineseAndFullWidthNumerals(String sentence) {
            assertThat(Checks.run(
                            rule,
                            received(3, 12)
                                    .appendText(SectionKey.APPLICATIONS, sentence)
                                    .build()))
                    .isEmpty();
            assertThat(Checks.run(
                            rule,
                            received(3, 11)
                                    .appendText(SectionKey.APPLICATIONS, sentence)
                                    .build()))
                    .singleElement()
                    .satisfies(x -> assertThat(x.actual()).isEqualByComparingTo("12"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "上年结转申请2件。",
                    "较上年收到申请增加5件。",
                    "2019年共收到申请30件。",
                    "收到申请人来电5件。",
                    "依申请公开工作规范有序。",
                    "共收到政府信息公开申请700余件。",
                    // a number in quotation marks names a practice (the Pingtan report of 2021), it counts nothing
                    "坚持第一时间登记受理、第一时间转送承办单位和第一时间回复申请的“三个一”工作机制。"
                })
        void otherStatementsAreNotCompared(String sentence) {
            assertThat(Checks.run(
                            rule,
                            received(3, 1)
                                    .appendText(SectionKey.OVERVIEW, sentence)
                                    .build()))
                    .isEmpty();
        }

        @Test
        void receivedMayIncludeTheCarriedOver() {
            AnnualReport r = received(3, 4)
                    .cell(APPLICATIONS, "carriedOver", "total", 1)
                    .appendText(SectionKey.APPLICATIONS, "本年共受理政府信息公开申请5件。")
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }

        @Test
        void seedsPass() {
            for (int n = 0; n < 5; n++) {
                assertThat(Checks.run(rule, ReportEditor.golden(n))).isEmpty();
            }
        }
    }

    @Nested
    class NarrativeLitigation {
        final Rule rule = new NarrativeLitigationRule();

        private ReportEditor reconsiderations(int n, long count) {
            return ReportEditor.seed(n)
                    .cell(REVIEWS_AND_LITIGATION, "administrativeReconsideration", "upheld", count)
                    .cell(REVIEWS_AND_LITIGATION, "administrativeReconsideration", "total", count);
        }

        @Test
        void nonZeroTable4WithoutAWord() {
            assertThat(Checks.run(rule, reconsiderations(0, 1).build()))
                    .singleElement()
                    .satisfies(x -> {
                        assertThat(x.location().section()).isEqualTo(SectionKey.REVIEWS_AND_LITIGATION);
                        assertThat(x.expected()).isEqualByComparingTo("1");
                    });
        }

        @Test
        void textSaysNoneAgainstANonZeroTable() {
            AnnualReport r = reconsiderations(0, 1)
                    .text(SectionKey.REVIEWS_AND_LITIGATION, "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("1");
                assertThat(x.actual()).isZero();
                assertThat(x.messageZh()).contains("行政复议");
            });
        }

        @Test
        void statedCountAgainstTheTable() {
            AnnualReport r = reconsiderations(0, 1)
                    .text(SectionKey.REVIEWS_AND_LITIGATION, "本年度被申请行政复议2件，行政诉讼0件。")
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("1");
                assertThat(x.actual()).isEqualByComparingTo("2");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"本年度被申请行政复议1件，行政诉讼0件。", "发生政府信息公开行政复议一件，结果维持1件。", "行政复议1件，未经复议直接起诉0件。"})
        void consistentTextPasses(String text) {
            assertThat(Checks.run(
                            rule,
                            reconsiderations(0, 1)
                                    .text(SectionKey.REVIEWS_AND_LITIGATION, text)
                                    .build()))
                    .isEmpty();
        }

        @Test
        void lawsuitsWithoutReconsiderationAreLawsuits() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(REVIEWS_AND_LITIGATION, "litigationDirect", "pending", 1)
                    .cell(REVIEWS_AND_LITIGATION, "litigationDirect", "total", 1)
                    .text(SectionKey.REVIEWS_AND_LITIGATION, "未经复议直接起诉的行政诉讼1件，尚未审结；本年度未发生行政复议。")
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }

        @Test
        void zeroTableAndNoneSaidPass() {
            for (int n = 0; n < 5; n++) {
                assertThat(Checks.run(rule, ReportEditor.golden(n))).isEmpty();
            }
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(0)
                                    .text(SectionKey.REVIEWS_AND_LITIGATION, "本年度没有发生行政复议和行政诉讼。")
                                    .build()))
                    .isEmpty();
        }
    }

    @Nested
    class NarrativeBreakdown {
        final Rule rule = new NarrativeBreakdownRule();

        private List<Finding> with(String text) {
            return Checks.run(
                    rule, ReportEditor.seed(3).text(SectionKey.OVERVIEW, text).build());
        }

        @Test
        void seed000PartsAddUpTo95Not91() {
            assertThat(Checks.run(rule, ReportEditor.golden(0))).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("91");
                assertThat(x.actual()).isEqualByComparingTo("95");
                assertThat(x.location().section()).isEqualTo(SectionKey.OVERVIEW);
                assertThat(x.location().sentence()).contains("累计主动公开信息91条").endsWith("政务公开工作信息1条，占1.1%。");
                assertThat(x.messageZh()).contains("12 项").contains("10+4+6+16+16+2+4+3+19+8+6+1 = 95条");
            });
        }

        @Test
        void seedsWhoseBreakdownsAddUpPass() {
            assertThat(Checks.run(rule, ReportEditor.golden(2))).isEmpty(); // 80条,其中…42条、7条、2条、26条、2条,1条
            assertThat(Checks.run(rule, ReportEditor.golden(3))).isEmpty(); // 276 次，其中 200 次，23 次，20 次，33 次
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "本年共公开信息10条，其中通知6条、公告3条。",
                    "共收到申请十二件，其中自然人五件、法人八件。",
                    "共收到申请10件，其中自然人12件。",
                    "主动公开信息80条，其中：动态42条；文件40条。"
                })
        void partsThatDoNotAddUp(String text) {
            assertThat(with(text)).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "本年共公开信息10条，其中通知6条、公告4条。",
                    "共收到申请十二件，其中自然人五件、法人七件。",
                    "共收到申请10件，其中自然人8件。",
                    "本年共公开信息10条，其中通知6条、公告3条等。",
                    "共收到申请10件，其中自然人8件、法人2件；已办结9件，尚在办理1件。",
                    "共发布信息700余条，其中通知500条、公告100条。",
                    "共110条，其中A类50条（其中甲20条、乙30条），B类60条。",
                    "共公开信息50条，较上年增加5条，其中通知20条，较上年增加2条、公告30条。",
                    "2020年共收到政府信息公开申请0件；共处理政府信息公开申请0件。"
                })
        void partsThatAddUpOrListsThatAreNotBreakdowns(String text) {
            assertThat(with(text)).isEmpty();
        }
    }

    @Nested
    class NarrativePercent {
        final Rule rule = new NarrativePercentRule();

        private List<Finding> with(String text) {
            return Checks.run(
                    rule, ReportEditor.seed(3).text(SectionKey.OVERVIEW, text).build());
        }

        @Test
        void seed000PercentagesAreCorrectlyRounded() {
            // 10/91 = 10.989… written 10.99%; 4/91 = 4.395… written 4.4%; 2/91 = 2.197… written 2.2%
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty();
        }

        @Test
        void wrongPercentage() {
            List<Finding> f = with("累计主动公开信息91条。其中机构类信息10条，占12%；政策类4条，占4.40%；财政类77条，占84.62%。");
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("11");
                assertThat(x.actual()).isEqualByComparingTo("12");
                assertThat(x.location().sentence()).isEqualTo("其中机构类信息10条，占12%");
            });
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "占10.99%",
                    "占10.98%",
                    "占11.0%",
                    "占11%",
                    "（10.99%）",
                    "，占比10.99%",
                    "占１０.９９％",
                    "占百分之十一",
                    "占百分之十点九九"
                })
        void roundedOrTruncatedPercentagesPass(String percent) {
            assertThat(with("共91条，其中政策类10条" + percent + "，其他81条。")).isEmpty();
        }

        @Test
        void percentagesOverThePartsSumAreAccepted() {
            assertThat(with("共100条，其中甲10条，占50%；乙10条，占50%。")).isEmpty();
        }

        @Test
        void percentagesWithoutABreakdownAreNotChecked() {
            assertThat(with("答复率100%，满意率100%。办件14件，占比40%。")).isEmpty();
        }
    }

    @Nested
    class FeeNotStated {
        final Rule rule = new FeeNotStatedRule();

        @Test
        void seeds002And004DoNotStateTheFee() {
            assertThat(Checks.run(rule, ReportEditor.golden(2)))
                    .singleElement()
                    .satisfies(x -> assertThat(x.location().section()).isEqualTo(SectionKey.OTHER_MATTERS));
            assertThat(Checks.run(rule, ReportEditor.golden(4))).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"本年度未收取信息处理费。", "本机关未收取任何费用。", "依申请公开收费0元。", "本年度收取处理费200元。"})
        void statedFeePasses(String text) {
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(2)
                                    .text(SectionKey.OTHER_MATTERS, text)
                                    .build()))
                    .isEmpty();
        }

        @Test
        void onlyFor2021Template() {
            AnnualReport r = ReportEditor.golden(3); // 2020: no fee statement needed
            assertThat(Checks.validate(r, Checks.township(r)))
                    .extracting(Finding::code)
                    .doesNotContain("FEE-NOT-STATED");
        }

        @Test
        void missingSectionIsLeftToSectionMissing() {
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(2)
                                    .removeSection(SectionKey.OTHER_MATTERS)
                                    .build()))
                    .isEmpty();
        }
    }

    @Test
    void contextWithoutPreviousYear() {
        AnnualReport r = ReportEditor.golden(0);
        ValidationContext ctx = new ValidationContext(r.organisationName(), r.year(), OrganisationLevel.TOWNSHIP, null);
        assertThat(ctx.previousYearApproved()).isEqualTo(Optional.empty());
    }
}

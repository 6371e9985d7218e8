package cn.gov.disclosure.validation.rules;

import static cn.gov.disclosure.contracts.catalogue.TableId.ACTIVE_DISCLOSURE;
import static cn.gov.disclosure.contracts.catalogue.TableId.APPLICATIONS;
import static cn.gov.disclosure.contracts.catalogue.TableId.REVIEWS_AND_LITIGATION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NumericRulesTest {

    @Nested
    class WholeNumber {
        final Rule rule = new CellWholeNumberRule();

        @Test
        void fractionalCount() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(APPLICATIONS, "granted", "naturalPerson", "1.5")
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location())
                        .isEqualTo(Location.cell(SectionKey.APPLICATIONS, 3, "granted", "naturalPerson"));
                assertThat(x.actual()).isEqualByComparingTo("1.5");
                assertThat(x.messageZh()).contains("（一）予以公开").contains("自然人").contains("整数");
            });
        }

        @Test
        void wholeNumbersPassWhateverTheirScale() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(APPLICATIONS, "granted", "naturalPerson", "2.00")
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", -3) // SIGNED_COUNT
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(2)
                                    .cell(
                                            ACTIVE_DISCLOSURE,
                                            "administrativeFees",
                                            "feeAmount",
                                            Cell.money("1.25", "万元"))
                                    .build()))
                    .as("money may have decimals")
                    .isEmpty();
        }
    }

    @Nested
    class NonNegative {
        final Rule rule = new CellNonNegativeRule();

        @Test
        void negativeCountAndMoney() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(REVIEWS_AND_LITIGATION, "litigationDirect", "pending", -1)
                    .cell(ACTIVE_DISCLOSURE, "centralisedProcurement", "procurementAmount", Cell.money("-5", "元"))
                    .build();
            List<Finding> f = Checks.run(rule, r);
            assertThat(f)
                    .extracting(x -> x.location().column())
                    .containsExactlyInAnyOrder("pending", "procurementAmount");
            assertThat(f).allSatisfy(x -> assertThat(x.expected()).isZero());
        }

        @Test
        void changeThisYearMayBeNegative() {
            AnnualReport r = ReportEditor.seed(3)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", -2)
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }
    }

    @Nested
    class MoneyScale {
        final Rule rule = new CellMoneyScaleRule();

        @Test
        void feeWithFiveDecimals() {
            AnnualReport r = ReportEditor.seed(2)
                    .cell(ACTIVE_DISCLOSURE, "administrativeFees", "feeAmount", Cell.money("0.12345", "万元"))
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.actual()).isEqualByComparingTo("0.12345");
                assertThat(x.expected()).isEqualByComparingTo("0.1235");
                assertThat(x.messageZh()).contains("本年收费金额（单位：万元）").contains("4位小数");
            });
        }

        @Test
        void fourDecimalsOrTrailingZerosPass() {
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(2)
                                    .cell(
                                            ACTIVE_DISCLOSURE,
                                            "administrativeFees",
                                            "feeAmount",
                                            Cell.money("0.1234", "万元"))
                                    .build()))
                    .isEmpty();
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(2)
                                    .cell(
                                            ACTIVE_DISCLOSURE,
                                            "administrativeFees",
                                            "feeAmount",
                                            Cell.money("0.123400", "万元"))
                                    .build()))
                    .isEmpty();
            assertThat(Checks.run(
                            rule,
                            ReportEditor.seed(0)
                                    .cell(
                                            ACTIVE_DISCLOSURE,
                                            "centralisedProcurement",
                                            "procurementAmount",
                                            Cell.money("1234.56789", "元"))
                                    .build()))
                    .as("no limit in 2019")
                    .isEmpty();
        }
    }

    @Nested
    class RowTotal {
        final Rule rule = RowTotalRule.applications();

        @Test
        void totalIsNotTheSumOfTheApplicants() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(APPLICATIONS, "newReceived", "commercialEnterprise", 2)
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(Location.cell(SectionKey.APPLICATIONS, 3, "newReceived", "total"));
                assertThat(x.expected()).isEqualByComparingTo("2");
                assertThat(x.actual()).isEqualByComparingTo("0");
                assertThat(x.messageZh()).contains("一、本年新收政府信息公开申请数量").contains("自然人+商业企业");
            });
        }

        @Test
        void everyRowIsChecked() {
            ReportEditor e = ReportEditor.seed(2);
            var rows = Layout.of(ReportEditor.golden(2)).applications.rows();
            rows.forEach(row -> e.cell(APPLICATIONS, row.key(), "total", 1));
            assertThat(Checks.run(rule, e.build())).hasSize(rows.size()).hasSize(25);
        }

        @Test
        void consistentRowsPass() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(APPLICATIONS, "newReceived", "commercialEnterprise", 2)
                    .cell(APPLICATIONS, "newReceived", "total", 2)
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }
    }

    @Nested
    class ResultTotal {
        final Rule rule = new ResultTotalRule();

        @Test
        void resultTotalIsNotTheSumOfTheResults() {
            AnnualReport r = ReportEditor.seed(2)
                    .cell(APPLICATIONS, "otherOther", "naturalPerson", 1)
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location())
                        .isEqualTo(Location.cell(SectionKey.APPLICATIONS, 3, "resultTotal", "naturalPerson"));
                assertThat(x.expected()).isEqualByComparingTo("1");
                assertThat(x.actual()).isEqualByComparingTo("0");
                assertThat(x.messageZh()).contains("（七）总计").contains("（一）予以公开至（六）其他处理");
            });
        }

        @Test
        void consistentResultsPass() {
            AnnualReport r = ReportEditor.seed(2)
                    .cell(APPLICATIONS, "otherOther", "naturalPerson", 1)
                    .cell(APPLICATIONS, "resultTotal", "naturalPerson", 1)
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }
    }

    @Nested
    class Balance {
        final Rule rule = new BalanceRule();

        @Test
        void theExampleOfTheBrief() {
            // 自然人: 一 + 二 = 10 + 2 = 12 but （七）总计 + 四 = 9 + 2 = 11
            AnnualReport r = ReportEditor.seed(0)
                    .cell(APPLICATIONS, "newReceived", "naturalPerson", 10)
                    .cell(APPLICATIONS, "carriedOver", "naturalPerson", 2)
                    .cell(APPLICATIONS, "granted", "naturalPerson", 9)
                    .cell(APPLICATIONS, "resultTotal", "naturalPerson", 9)
                    .cell(APPLICATIONS, "carriedForward", "naturalPerson", 2)
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(Location.cell(SectionKey.APPLICATIONS, 3, null, "naturalPerson"));
                assertThat(x.expected()).isEqualByComparingTo("12");
                assertThat(x.actual()).isEqualByComparingTo("11");
                assertThat(x.messageZh()).contains("自然人").contains("一 + 二 = 12").contains("（七）总计 + 四 = 11");
                assertThat(x.messageEn())
                        .contains("newReceived + carriedOver = 12")
                        .contains("resultTotal + carriedForward = 11");
            });
        }

        @Test
        void balancedColumnsPass() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(APPLICATIONS, "newReceived", "naturalPerson", 10)
                    .cell(APPLICATIONS, "carriedOver", "naturalPerson", 2)
                    .cell(APPLICATIONS, "resultTotal", "naturalPerson", 10)
                    .cell(APPLICATIONS, "carriedForward", "naturalPerson", 2)
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }
    }

    @Nested
    class GroupTotal {
        final Rule rule = RowTotalRule.reviewsAndLitigation();

        @Test
        void groupTotalIsNotTheSumOfItsOutcomes() {
            AnnualReport r = ReportEditor.seed(4)
                    .cell(REVIEWS_AND_LITIGATION, "litigationAfterReconsideration", "corrected", 1)
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location())
                        .isEqualTo(Location.cell(
                                SectionKey.REVIEWS_AND_LITIGATION, 4, "litigationAfterReconsideration", "total"));
                assertThat(x.messageZh()).contains("行政诉讼 复议后起诉").contains("结果维持+结果纠正+其他结果+尚未审结 = 1");
            });
        }

        @Test
        void consistentGroupsPass() {
            AnnualReport r = ReportEditor.seed(4)
                    .cell(REVIEWS_AND_LITIGATION, "administrativeReconsideration", "upheld", 2)
                    .cell(REVIEWS_AND_LITIGATION, "administrativeReconsideration", "total", 2)
                    .build();
            assertThat(Checks.run(rule, r)).isEmpty();
        }
    }

    @Nested
    class UnitMismatch {
        final Rule rule = new CellUnitMismatchRule();

        @Test
        void yuanInAWanYuanColumn() {
            AnnualReport r = ReportEditor.seed(2)
                    .cell(ACTIVE_DISCLOSURE, "administrativeFees", "feeAmount", Cell.money("1500", "元"))
                    .build();
            assertThat(Checks.run(rule, r))
                    .singleElement()
                    .satisfies(x -> assertThat(x.messageZh()).contains("万元").contains("1500元"));
        }

        @Test
        void theTemplatesUnitPasses() {
            assertThat(Checks.run(rule, ReportEditor.golden(2))).isEmpty();
            assertThat(Checks.run(rule, ReportEditor.golden(0)))
                    .as("2019: the amount's unit is the report's to state")
                    .isEmpty();
        }
    }

    @Nested
    class MoneyUnitMissing {
        final Rule rule = new MoneyUnitMissingRule();

        @Test
        void seed001StatesNoUnitFor438754() {
            assertThat(Checks.run(rule, ReportEditor.golden(1))).singleElement().satisfies(x -> {
                assertThat(x.location().row()).isEqualTo("centralisedProcurement");
                assertThat(x.actual()).isEqualByComparingTo("438754");
            });
        }

        @Test
        void zeroOrAStatedUnitPasses() {
            assertThat(Checks.run(rule, ReportEditor.golden(3))).isEmpty(); // 0 without unit
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty(); // 0元
            assertThat(Checks.run(rule, ReportEditor.golden(2))).isEmpty(); // 万元 from the label
        }
    }

    @Nested
    class ActiveDisclosureBounds {

        @Test
        void itemsCannotGoBelowZero() {
            Rule rule = ActiveDisclosureBoundRule.itemsNegative();
            AnnualReport bad = ReportEditor.seed(3)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", -37)
                    .build();
            assertThat(Checks.run(rule, bad)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("-36");
                assertThat(x.actual()).isEqualByComparingTo("-37");
            });
            AnnualReport ok = ReportEditor.seed(3)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", -36)
                    .build();
            assertThat(Checks.run(rule, ok)).isEmpty();
        }

        @Test
        void publishedTotalIncludesThisYear() {
            Rule rule = ActiveDisclosureBoundRule.publishedTotal();
            AnnualReport bad = ReportEditor.seed(0)
                    .cell(ACTIVE_DISCLOSURE, "normativeDocuments", "newlyPublished", 3)
                    .build();
            assertThat(Checks.run(rule, bad))
                    .singleElement()
                    .satisfies(x -> assertThat(x.location().column()).isEqualTo("totalPublished"));
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty(); // 规章 2 new, 5 in total
        }

        @Test
        void inForceAtLeastIssuedMinusRepealed() {
            Rule rule = ActiveDisclosureBoundRule.inForceBound();
            AnnualReport bad = ReportEditor.seed(2)
                    .cell(ACTIVE_DISCLOSURE, "normativeDocuments", "inForce", 6)
                    .build();
            assertThat(Checks.run(rule, bad)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("7");
                assertThat(x.actual()).isEqualByComparingTo("6");
            });
            assertThat(Checks.run(rule, ReportEditor.golden(2))).isEmpty(); // 7 issued, 7 in force
        }
    }
}

package cn.gov.disclosure.validation.rules;

import static cn.gov.disclosure.contracts.catalogue.TableId.ACTIVE_DISCLOSURE;
import static cn.gov.disclosure.contracts.catalogue.TableId.APPLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PreviousYearRulesTest {

    private static ValidationContext with(AnnualReport report, AnnualReport previous) {
        return Checks.township(report).withPreviousYear(previous);
    }

    @Nested
    class Unavailable {
        final Rule rule = new PreviousYearUnavailableRule();

        @Test
        void noPreviousYearIsOneNote() {
            List<Finding> f = Checks.run(rule, ReportEditor.golden(0));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.INFO);
                assertThat(x.code()).isEqualTo("PREV-YEAR-UNAVAILABLE");
                assertThat(x.messageZh()).contains("2019");
            });
        }

        @Test
        void aReportOfAnotherYearDoesNotCount() {
            AnnualReport r = ReportEditor.golden(0);
            AnnualReport wrong = ReportEditor.seed(0).year(2017).build();
            assertThat(Checks.run(rule, r, with(r, wrong))).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("2019");
                assertThat(x.actual()).isEqualByComparingTo("2017");
            });
            assertThat(Checks.run(new PreviousCarriedOverRule(), r, with(r, wrong)))
                    .isEmpty();
        }

        @Test
        void previousYearHeldIsNoNote() {
            AnnualReport r = ReportEditor.golden(0);
            assertThat(Checks.run(
                            rule, r, with(r, ReportEditor.seed(0).year(2019).build())))
                    .isEmpty();
        }
    }

    @Nested
    class CarriedOver {
        final Rule rule = new PreviousCarriedOverRule();

        @Test
        void carriedOverDiffersFromLastYearsCarriedForward() {
            AnnualReport r = ReportEditor.golden(0);
            AnnualReport previous = ReportEditor.seed(0)
                    .year(2019)
                    .cell(APPLICATIONS, "carriedForward", "naturalPerson", 3)
                    .cell(APPLICATIONS, "carriedForward", "total", 3)
                    .build();
            List<Finding> f = Checks.run(rule, r, with(r, previous));
            assertThat(f).extracting(x -> x.location().column()).containsExactly("naturalPerson", "total");
            assertThat(f.get(0).expected()).isEqualByComparingTo("3");
            assertThat(f.get(0).actual()).isEqualByComparingTo("0");
            assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
            assertThat(f.get(0).messageZh())
                    .contains("二、上年结转政府信息公开申请数量")
                    .contains("自然人")
                    .contains("2019");
        }

        @Test
        void acrossTemplatesColumnByColumn() {
            AnnualReport r = ReportEditor.seed(2)
                    .cell(APPLICATIONS, "carriedOver", "legalServiceAgency", 1)
                    .build();
            AnnualReport previous = ReportEditor.seed(3)
                    .year(2020)
                    .cell(APPLICATIONS, "carriedForward", "legalServiceAgency", 1)
                    .build(); // 2019 template
            assertThat(Checks.run(rule, r, with(r, previous))).isEmpty();
        }

        @Test
        void withoutPreviousYearNothingIsChecked() {
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty();
        }
    }

    @Nested
    class InForce {
        final Rule rule = PreviousActiveDisclosureRule.inForce();

        @Test
        void inForceDoesNotFollowFromLastYear() {
            AnnualReport r = ReportEditor.seed(2).year(2022).build(); // 7 issued, 0 repealed, 7 in force
            AnnualReport previous = ReportEditor.seed(2)
                    .cell(ACTIVE_DISCLOSURE, "normativeDocuments", "inForce", 5)
                    .build();
            assertThat(Checks.run(rule, r, with(r, previous))).singleElement().satisfies(x -> {
                assertThat(x.location().row()).isEqualTo("normativeDocuments");
                assertThat(x.location().column()).isEqualTo("inForce");
                assertThat(x.expected()).isEqualByComparingTo("12");
                assertThat(x.actual()).isEqualByComparingTo("7");
                assertThat(x.messageZh()).contains("现行有效件数").contains("本年制发件数").contains("本年废止件数");
            });
        }

        @Test
        void consistentInForcePasses() {
            AnnualReport r = ReportEditor.seed(2)
                    .year(2022)
                    .cell(ACTIVE_DISCLOSURE, "normativeDocuments", "repealed", 2)
                    .cell(ACTIVE_DISCLOSURE, "normativeDocuments", "inForce", 9)
                    .build();
            AnnualReport previous = ReportEditor.seed(2)
                    .cell(ACTIVE_DISCLOSURE, "normativeDocuments", "inForce", 4)
                    .build();
            assertThat(Checks.run(rule, r, with(r, previous))).isEmpty();
        }

        @Test
        void notAgainstA2019TemplateYear() {
            AnnualReport r = ReportEditor.golden(2); // 2021; 2020 follows the 2019 template
            AnnualReport previous = ReportEditor.seed(3).year(2020).build();
            assertThat(Checks.run(rule, r, with(r, previous))).isEmpty();
        }
    }

    @Nested
    class Items {
        final Rule rule = PreviousActiveDisclosureRule.items();

        @Test
        void itemsDoNotFollowFromLastYear() {
            AnnualReport r = ReportEditor.golden(3); // 2020: 行政许可 上一年项目数量 36
            AnnualReport previous = ReportEditor.seed(3)
                    .year(2019)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "previousYearItems", 30)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", 5)
                    .build();
            assertThat(Checks.run(rule, r, with(r, previous))).singleElement().satisfies(x -> {
                assertThat(x.location().row()).isEqualTo("administrativeLicensing");
                assertThat(x.expected()).isEqualByComparingTo("35");
                assertThat(x.actual()).isEqualByComparingTo("36");
            });
        }

        @Test
        void consistentItemsPass() {
            AnnualReport r = ReportEditor.golden(3);
            AnnualReport previous = ReportEditor.seed(3)
                    .year(2019)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "previousYearItems", 30)
                    .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", 6)
                    .build();
            assertThat(Checks.run(rule, r, with(r, previous))).isEmpty();
        }
    }

    @Test
    void theValidatorRunsTheTemplateSpecificRulesOnlyForTheirTemplate() {
        AnnualReport r2019 = ReportEditor.golden(3);
        AnnualReport bad2019Previous = ReportEditor.seed(3)
                .year(2019)
                .cell(ACTIVE_DISCLOSURE, "administrativeLicensing", "changeThisYear", 9)
                .build();
        assertThat(Checks.validate(r2019, with(r2019, bad2019Previous)))
                .extracting(Finding::code)
                .contains("PREV-ITEMS")
                .doesNotContain("PREV-IN-FORCE", "PREV-YEAR-UNAVAILABLE");
        AnnualReport r2021 = ReportEditor.seed(2).year(2022).build();
        AnnualReport bad2021Previous = ReportEditor.seed(2)
                .template(TemplateVersion.T2021)
                .cell(ACTIVE_DISCLOSURE, "rules", "inForce", 1)
                .build();
        assertThat(Checks.validate(r2021, with(r2021, bad2021Previous)))
                .extracting(Finding::code)
                .contains("PREV-IN-FORCE")
                .doesNotContain("PREV-ITEMS");
    }
}

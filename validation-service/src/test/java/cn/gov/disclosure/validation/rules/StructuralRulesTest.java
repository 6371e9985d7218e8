package cn.gov.disclosure.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StructuralRulesTest {

    @Nested
    class SectionMissing {
        final Rule rule = new SectionMissingRule();

        @Test
        void seed001LacksSectionSix() {
            List<Finding> f = Checks.run(rule, ReportEditor.golden(1));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(Location.section(SectionKey.OTHER_MATTERS));
                assertThat(x.messageZh()).contains("六、其他需要报告的事项");
            });
        }

        @Test
        void everyMissingSectionIsNamed() {
            AnnualReport r = ReportEditor.seed(0)
                    .removeSection(SectionKey.OVERVIEW)
                    .removeSection(SectionKey.APPLICATIONS)
                    .build();
            assertThat(Checks.run(rule, r))
                    .extracting(x -> x.location().section())
                    .containsExactly(SectionKey.OVERVIEW, SectionKey.APPLICATIONS);
        }

        @Test
        void completeReportPasses() {
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty();
        }
    }

    @Nested
    class SectionOrder {
        final Rule rule = new SectionOrderRule();

        @Test
        void sectionOutOfOrder() {
            AnnualReport r =
                    ReportEditor.seed(0).moveSection(SectionKey.OVERVIEW, 2).build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location().section()).isEqualTo(SectionKey.OVERVIEW);
                assertThat(x.messageZh()).contains("第一部分").contains("顺序");
            });
        }

        @Test
        void duplicateSection() {
            AnnualReport r = ReportEditor.seed(0)
                    .duplicateSection(SectionKey.APPLICATIONS)
                    .build();
            assertThat(Checks.run(rule, r))
                    .singleElement()
                    .satisfies(x -> assertThat(x.messageZh()).contains("重复"));
        }

        @Test
        void orderedReportPasses() {
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty();
            assertThat(Checks.run(rule, ReportEditor.golden(1))).isEmpty(); // a missing section is not an order fault
        }
    }

    @Nested
    class SectionEmpty {
        final Rule rule = new SectionEmptyRule();

        @Test
        void narrativeSectionWithoutText() {
            AnnualReport r = ReportEditor.seed(0)
                    .text(SectionKey.PROBLEMS_AND_IMPROVEMENTS, " ")
                    .build();
            assertThat(Checks.run(rule, r))
                    .singleElement()
                    .satisfies(x -> assertThat(x.location().section()).isEqualTo(SectionKey.PROBLEMS_AND_IMPROVEMENTS));
        }

        @Test
        void tableSectionsMayHaveNoText() {
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty();
        }
    }

    @Nested
    class TemplateMismatch {
        final Rule rule = new TemplateMismatchRule();

        @Test
        void tablesOfTheOtherTemplate() {
            AnnualReport r = ReportEditor.seed(0).year(2021).build(); // 2019 tables in a 2021 report
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("2021");
                assertThat(x.actual()).isEqualByComparingTo("2019");
                assertThat(x.messageZh()).contains("国办公开办函〔2021〕30号");
            });
        }

        @Test
        void noTemplateDeclared() {
            assertThat(Checks.run(rule, ReportEditor.seed(2).template(null).build()))
                    .hasSize(1);
        }

        @Test
        void yearBeforeAnyTemplate() {
            assertThat(Checks.run(rule, ReportEditor.seed(0).year(2018).build()))
                    .hasSize(1);
        }

        @Test
        void matchingTemplatePasses() {
            for (int n = 0; n < 5; n++) {
                assertThat(Checks.run(rule, ReportEditor.golden(n))).isEmpty();
            }
        }
    }

    @Nested
    class OrganisationMismatch {
        final Rule rule = new OrganisationMismatchRule();

        private List<Finding> run(AnnualReport r, String expected) {
            return Checks.run(
                    rule, r, new ValidationContext(expected, r.year(), OrganisationLevel.TOWNSHIP, Optional.empty()));
        }

        @Test
        void anotherOrgan() {
            assertThat(run(ReportEditor.golden(1), "河南口镇人民政府")).singleElement().satisfies(x -> {
                assertThat(x.messageZh()).contains("南口镇").contains("河南口镇人民政府");
            });
        }

        @Test
        void noNameInTheReport() {
            assertThat(run(ReportEditor.seed(1).organisation(null).build(), "南口镇人民政府"))
                    .hasSize(1);
        }

        @Test
        void usualVariantsPass() {
            assertThat(run(ReportEditor.golden(0), "紫帽镇人民政府")).isEmpty(); // 晋江市紫帽镇人民政府
            assertThat(run(ReportEditor.golden(4), "会盟镇")).isEmpty(); // 会盟镇人民政府
            assertThat(run(ReportEditor.golden(2), "昌傅镇人民政府")).isEmpty(); // 樟树市昌傅镇
            assertThat(run(ReportEditor.golden(3), "红星镇人民政府")).isEmpty(); // 红星镇
        }

        @Test
        void noExpectedNameSkipsTheCheck() {
            assertThat(run(ReportEditor.golden(0), null)).isEmpty();
        }
    }

    @Nested
    class YearMismatch {
        final Rule rule = new YearMismatchRule();

        @Test
        void anotherYear() {
            AnnualReport r = ReportEditor.golden(0);
            List<Finding> f = Checks.run(
                    rule,
                    r,
                    new ValidationContext(r.organisationName(), 2021, OrganisationLevel.TOWNSHIP, Optional.empty()));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("2021");
                assertThat(x.actual()).isEqualByComparingTo("2020");
            });
        }

        @Test
        void sameYearPasses() {
            assertThat(Checks.run(rule, ReportEditor.golden(0))).isEmpty();
        }
    }

    @Nested
    class TableMissing {
        final Rule rule = new TableMissingRule();

        @Test
        void missingTable() {
            AnnualReport r = ReportEditor.seed(0)
                    .removeTable(TableId.REVIEWS_AND_LITIGATION)
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location().table()).isEqualTo(4);
                assertThat(x.location().section()).isEqualTo(SectionKey.REVIEWS_AND_LITIGATION);
            });
            assertThat(Checks.run(new CellMissingRule(), r))
                    .as("no cell-by-cell flood")
                    .isEmpty();
        }

        @Test
        void allTablesPass() {
            assertThat(Checks.run(rule, ReportEditor.golden(2))).isEmpty();
        }
    }

    @Nested
    class CellMissing {
        final Rule rule = new CellMissingRule();

        @Test
        void missingCellIsNamedByItsLabels() {
            AnnualReport r = ReportEditor.seed(0)
                    .removeCell(TableId.APPLICATIONS, "refusedStateSecret", "naturalPerson")
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location())
                        .isEqualTo(Location.cell(SectionKey.APPLICATIONS, 3, "refusedStateSecret", "naturalPerson"));
                assertThat(x.messageZh())
                        .contains("（三）不予公开")
                        .contains("1.属于国家秘密")
                        .contains("自然人");
            });
        }

        @Test
        void missingRowIsOneFinding() {
            AnnualReport r = ReportEditor.seed(2)
                    .removeRow(TableId.APPLICATIONS, "otherUnpaidFee")
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location().row()).isEqualTo("otherUnpaidFee");
                assertThat(x.location().column()).isNull();
                assertThat(x.messageZh()).contains("2.申请人逾期未按收费通知要求缴纳费用");
            });
        }

        @Test
        void checkedAgainstTheDeclaredTemplate() {
            // a 2021 report whose tables follow the 2019 template is complete for its declared template
            assertThat(Checks.run(rule, ReportEditor.seed(0).year(2021).build()))
                    .isEmpty();
            // a 2021-template report lacking the 2021 rows is not
            AnnualReport r =
                    ReportEditor.seed(0).template(TemplateVersion.T2021).build();
            // the three rows it lacks are one finding that names them all
            assertThat(Checks.run(rule, r))
                    .filteredOn(x -> x.location().table() == 3)
                    .singleElement()
                    .satisfies(x -> {
                        assertThat(x.location().row()).isEqualTo("otherNoCorrection");
                        assertThat(x.messageZh())
                                .contains("缺少 3 行")
                                .contains("1.申请人无正当理由逾期不补正")
                                .contains("2.申请人逾期未按收费通知要求缴纳费用")
                                .contains("3.其他");
                    });
        }

        @Test
        void columnsBlankInEveryRowAreOneFinding() {
            // the 沭阳 pattern: only 自然人 and 总计 filled, the five legal-person columns blank in every row
            ReportEditor editor = ReportEditor.seed(2);
            var def = TemplateCatalogue.table(TemplateVersion.T2021, TableId.APPLICATIONS);
            for (var row : def.rows()) {
                for (String column : List.of(
                        "commercialEnterprise",
                        "researchInstitution",
                        "publicInterestOrganisation",
                        "legalServiceAgency",
                        "otherOrganisation")) {
                    editor.removeCell(TableId.APPLICATIONS, row.key(), column);
                }
            }
            assertThat(Checks.run(rule, editor.build())).singleElement().satisfies(x -> {
                assertThat(x.messageZh())
                        .contains("共 5 列")
                        .contains("在全部 " + def.rows().size() + " 行")
                        .contains("共 " + 5 * def.rows().size() + " 个单元格");
                assertThat(x.location().row()).isEqualTo(def.rows().get(0).key());
            });
        }

        @Test
        void blanksInManyPatternsAreSummedUpInOneFinding() {
            ReportEditor editor = ReportEditor.seed(2);
            editor.removeCell(TableId.APPLICATIONS, "newReceived", "commercialEnterprise")
                    .removeCell(TableId.APPLICATIONS, "carriedOver", "researchInstitution")
                    .removeCell(TableId.APPLICATIONS, "granted", "publicInterestOrganisation")
                    .removeCell(TableId.APPLICATIONS, "resultTotal", "legalServiceAgency");
            assertThat(Checks.run(rule, editor.build()))
                    .singleElement()
                    .satisfies(x -> assertThat(x.messageZh()).contains("共有 4 个单元格未填写"));
        }

        @Test
        void completeTablesPass() {
            for (int n = 0; n < 5; n++) {
                assertThat(Checks.run(rule, ReportEditor.golden(n))).isEmpty();
            }
        }
    }

    @Nested
    class CellUnexpected {
        final Rule rule = new CellUnexpectedRule();

        @Test
        void rowOfTheOtherTemplate() {
            AnnualReport r = ReportEditor.seed(0)
                    .cell(TableId.APPLICATIONS, "otherUnpaidFee", "total", 0)
                    .build();
            assertThat(Checks.run(rule, r)).singleElement().satisfies(x -> {
                assertThat(x.location().row()).isEqualTo("otherUnpaidFee");
                assertThat(x.messageZh()).contains("另一模板").contains("2.申请人逾期未按收费通知要求缴纳费用");
            });
        }

        @Test
        void unknownColumn() {
            AnnualReport r = ReportEditor.seed(4)
                    .cell(
                            TableId.REVIEWS_AND_LITIGATION,
                            "administrativeReconsideration",
                            "extra",
                            new Cell(BigDecimal.ZERO, null))
                    .build();
            assertThat(Checks.run(rule, r))
                    .singleElement()
                    .satisfies(x -> assertThat(x.location().column()).isEqualTo("extra"));
        }

        @Test
        void templateCellsPass() {
            for (int n = 0; n < 5; n++) {
                assertThat(Checks.run(rule, ReportEditor.golden(n))).isEmpty();
            }
        }
    }
}

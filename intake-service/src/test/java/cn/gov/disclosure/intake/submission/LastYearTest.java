package cn.gov.disclosure.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new year started from last year's approved report carries exactly what the template carries, cell by cell. */
class LastYearTest {

    @Test
    void carriedForwardBecomesCarriedOverColumnByColumnAndInForceIsCarried() {
        AnnualReport last = GoldenSeeds.load(2); // 2021, 2021 template
        AnnualReport next = LastYear.prefill(last, 2022, "樟树市昌傅镇");
        assertThat(next.year()).isEqualTo(2022);
        assertThat(next.template()).isEqualTo(TemplateVersion.T2021);
        assertThat(next.applications().rows()).containsOnlyKeys("carriedOver");
        assertThat(next.applications().rows().get("carriedOver"))
                .isEqualTo(last.applications().rows().get("carriedForward"));
        for (String row : last.activeDisclosure().rows().keySet()) {
            Cell inForce = last.activeDisclosure().rows().get(row).get("inForce");
            if (inForce != null) {
                assertThat(next.activeDisclosure().rows().get(row)).containsExactly(Map.entry("inForce", inForce));
            }
        }
        assertThat(next.activeDisclosure().rows().values())
                .allSatisfy(cells -> assertThat(cells).containsOnlyKeys("inForce"));
        assertThat(next.reviewsAndLitigation()).isNull();
        assertThat(next.sections())
                .hasSize(6)
                .allSatisfy(s -> assertThat(s.text()).isEmpty());
        assertThat(next.sections()).extracting(Section::heading).contains("一、总体情况");
    }

    @Test
    void the2019TemplateCarriesLastYearsItemsPlusTheirChange() {
        AnnualReport last = GoldenSeeds.load(0); // 2020, 2019 template, as if it were 2019's report for 2020
        AnnualReport previousYear = new AnnualReport(
                last.organisationName(),
                2019,
                last.template(),
                last.title(),
                last.sections(),
                last.activeDisclosure(),
                last.applications(),
                last.reviewsAndLitigation());
        AnnualReport next = LastYear.prefill(previousYear, 2020, last.organisationName());
        assertThat(next.template()).isEqualTo(TemplateVersion.T2019);
        var cells = last.activeDisclosure().rows().get("administrativeLicensing");
        BigDecimal expected = cells.get("previousYearItems")
                .value()
                .add(cells.get("changeThisYear").value());
        assertThat(next.activeDisclosure().value("administrativeLicensing", "previousYearItems"))
                .isEqualByComparingTo(expected);
        assertThat(next.activeDisclosure().rows().get("administrativeLicensing"))
                .containsOnlyKeys("previousYearItems");
    }

    @Test
    void aChangeOfTemplateCarriesTableThreeOnly() {
        AnnualReport last = GoldenSeeds.load(0); // 2020, 2019 template → 2021 uses the 2021 template
        AnnualReport next = LastYear.prefill(last, 2021, last.organisationName());
        assertThat(next.template()).isEqualTo(TemplateVersion.T2021);
        assertThat(next.activeDisclosure()).isNull();
        assertThat(next.applications().rows().get("carriedOver"))
                .isEqualTo(last.applications().rows().get("carriedForward"));
    }

    @Test
    void aBlankReportHasTheYearsTemplateTheSixHeadingsAndNoFigure() {
        AnnualReport blank = LastYear.blank(2026, "晋江市深沪镇人民政府");
        assertThat(blank.template()).isEqualTo(TemplateVersion.T2021);
        assertThat(LastYear.blank(2020, "x").template()).isEqualTo(TemplateVersion.T2019);
        assertThat(blank.title()).isEqualTo("晋江市深沪镇人民政府2026年政府信息公开工作年度报告");
        assertThat(blank.sections())
                .hasSize(6)
                .allSatisfy(s -> assertThat(s.text()).isEmpty());
        assertThat(blank.sections().get(2).heading()).startsWith("三、");
        assertThat(blank.activeDisclosure()).isNull();
        assertThat(blank.applications()).isNull();
        assertThat(blank.reviewsAndLitigation()).isNull();
    }
}

package cn.gov.disclosure.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.SectionKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five golden seeds through the whole catalogue; context: a township, the name and year the report gives itself,
 * no previous year.
 */
class SeedExpectationsTest {

    private static List<Finding> findings(int n) {
        AnnualReport r = ReportEditor.golden(n);
        return Checks.validate(r, Checks.township(r));
    }

    @Test
    void seed001IsMissingSectionSix() {
        List<Finding> errors = Checks.errors(findings(1));
        assertThat(errors).as(Checks.describe(errors)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SECTION-MISSING");
            assertThat(f.location()).isEqualTo(Location.section(SectionKey.OTHER_MATTERS));
        });
    }

    @Test
    void seed000ReportsRulesAtATownship() {
        List<Finding> all = findings(0);
        assertThat(Checks.errors(all)).as(Checks.describe(all)).isEmpty();
        List<Finding> rules = Checks.withCode(all, "RULES-AT-TOWNSHIP");
        assertThat(rules).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(rules).extracting(f -> f.actual().intValue()).containsExactly(2, 2, 5);
    }

    @Test
    void seed000PercentagesRaiseNoFalseAlarm() {
        assertThat(Checks.withCode(findings(0), "NARRATIVE-PERCENT")).isEmpty();
    }

    @Test
    void seed000BreakdownDoesNotAddUp() {
        // 12 categories of 10+4+6+16+16+2+4+3+19+8+6+1 = 95 items against 累计主动公开信息91条 (the percentages use 91)
        assertThat(Checks.withCode(findings(0), "NARRATIVE-BREAKDOWN"))
                .singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("95"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void seedsWithoutErrors(int n) {
        List<Finding> all = findings(n);
        assertThat(Checks.errors(all)).as(Checks.describe(all)).isEmpty();
    }

    @Test
    void theWarningsAndNotesOfEachSeed() {
        assertThat(findings(0))
                .extracting(Finding::code)
                .containsExactly(
                        "PREV-YEAR-UNAVAILABLE",
                        "RULES-AT-TOWNSHIP",
                        "RULES-AT-TOWNSHIP",
                        "RULES-AT-TOWNSHIP",
                        "NARRATIVE-BREAKDOWN");
        assertThat(findings(1))
                .extracting(Finding::code)
                .containsExactly("SECTION-MISSING", "MONEY-UNIT-MISSING", "PREV-YEAR-UNAVAILABLE");
        assertThat(findings(2)).extracting(Finding::code).containsExactly("PREV-YEAR-UNAVAILABLE", "FEE-NOT-STATED");
        assertThat(findings(3)).extracting(Finding::code).containsExactly("PREV-YEAR-UNAVAILABLE");
        assertThat(findings(4)).extracting(Finding::code).containsExactly("PREV-YEAR-UNAVAILABLE", "FEE-NOT-STATED");
    }

    @Test
    void everyFindingIsComplete() {
        for (int n = 0; n < 5; n++) {
            assertThat(findings(n)).allSatisfy(f -> {
                assertThat(f.code()).isNotBlank();
                assertThat(f.severity()).isNotNull();
                assertThat(f.location()).isNotNull();
                assertThat(f.messageZh()).isNotBlank();
                assertThat(f.messageEn()).isNotBlank();
            });
        }
    }
}

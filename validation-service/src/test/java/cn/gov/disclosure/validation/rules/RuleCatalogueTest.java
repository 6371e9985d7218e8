package cn.gov.disclosure.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.RowRole;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java/cn/gov/disclosure/validation/rules");

    @Test
    void theCatalogue() {
        Map<String, Severity> expected = new LinkedHashMap<>();
        for (String code : List.of(
                "SECTION-MISSING",
                "SECTION-ORDER",
                "TEMPLATE-MISMATCH",
                "ORG-MISMATCH",
                "YEAR-MISMATCH",
                "TABLE-MISSING",
                "CELL-MISSING",
                "CELL-UNEXPECTED",
                "CELL-WHOLE-NUMBER",
                "CELL-NON-NEGATIVE",
                "CELL-MONEY-SCALE",
                "T3-ROW-TOTAL",
                "T3-RESULT-TOTAL",
                "T3-BALANCE",
                "T4-GROUP-TOTAL")) {
            expected.put(code, Severity.ERROR);
        }
        for (String code : List.of(
                "SECTION-EMPTY",
                "CELL-UNIT-MISMATCH",
                "MONEY-UNIT-MISSING",
                "T2-ITEMS-NEGATIVE",
                "T2-PUBLISHED-TOTAL",
                "T2-IN-FORCE-BOUND",
                "PREV-CARRIED-OVER",
                "PREV-IN-FORCE",
                "PREV-ITEMS",
                "RULES-AT-TOWNSHIP",
                "NARRATIVE-APPLICATIONS",
                "NARRATIVE-LITIGATION",
                "NARRATIVE-BREAKDOWN",
                "NARRATIVE-PERCENT",
                "FEE-NOT-STATED")) {
            expected.put(code, Severity.WARNING);
        }
        expected.put("PREV-YEAR-UNAVAILABLE", Severity.INFO);
        Map<String, Severity> actual = RuleCatalogue.infos().stream()
                .collect(Collectors.toMap(RuleInfo::code, RuleInfo::severity, (a, b) -> a, LinkedHashMap::new));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void codesAreUniqueAndDescribedInBothLanguages() {
        Set<String> codes = new HashSet<>();
        for (RuleInfo info : RuleCatalogue.infos()) {
            assertThat(codes.add(info.code())).as(info.code()).isTrue();
            assertThat(info.code()).matches("[A-Z0-9]+(-[A-Z0-9]+)*");
            assertThat(info.descriptionZh()).isNotBlank();
            assertThat(info.descriptionEn()).isNotBlank();
            assertThat(info.templates()).isNotEmpty();
        }
        assertThat(RuleCatalogue.all()).extracting(Rule::info).containsExactlyElementsOf(RuleCatalogue.infos());
        assertThat(RuleCatalogue.byCode("T3-BALANCE")).isInstanceOf(BalanceRule.class);
        assertThat(RuleCatalogue.byCode("NO-SUCH")).isNull();
    }

    @Test
    void templateSpecificRules() {
        assertThat(RuleCatalogue.byCode("FEE-NOT-STATED").info().templates()).containsExactly(TemplateVersion.T2021);
        assertThat(RuleCatalogue.byCode("PREV-IN-FORCE").info().templates()).containsExactly(TemplateVersion.T2021);
        assertThat(RuleCatalogue.byCode("PREV-ITEMS").info().templates()).containsExactly(TemplateVersion.T2019);
        assertThat(RuleCatalogue.byCode("T3-BALANCE").info().templates())
                .containsExactlyInAnyOrder(TemplateVersion.values());
    }

    @Test
    void keysNameRowsAndColumnsOfTheCatalogue() {
        Set<String> t2Rows = new HashSet<>();
        Set<String> t2Columns = new HashSet<>();
        for (TemplateVersion t : TemplateVersion.values()) {
            for (RowDef row :
                    TemplateCatalogue.table(t, TableId.ACTIVE_DISCLOSURE).rows()) {
                t2Rows.add(row.key());
                row.columns().forEach(c -> t2Columns.add(c.key()));
            }
            var t3 = TemplateCatalogue.table(t, TableId.APPLICATIONS);
            assertThat(t3.row(Keys.T3_NEW_RECEIVED))
                    .get()
                    .extracting(RowDef::role)
                    .isEqualTo(RowRole.INCOMING);
            assertThat(t3.row(Keys.T3_CARRIED_OVER))
                    .get()
                    .extracting(RowDef::role)
                    .isEqualTo(RowRole.INCOMING);
        }
        assertThat(t2Rows).contains(Keys.T2_RULES);
        assertThat(t2Columns)
                .contains(
                        Keys.T2_PREVIOUS_YEAR_ITEMS,
                        Keys.T2_CHANGE_THIS_YEAR,
                        Keys.T2_NEWLY_PUBLISHED,
                        Keys.T2_TOTAL_PUBLISHED,
                        Keys.T2_ISSUED,
                        Keys.T2_REPEALED,
                        Keys.T2_IN_FORCE);
    }

    /**
     * The rows and labels of Tables 3 and 4 live in the catalogue only: no source of the rules repeats a Table 3 row
     * label, a Table 3 or 4 column label, or a Table 3 or 4 row or column key (except the two INCOMING rows in Keys).
     */
    @Test
    void noSecondListOfTheTable3And4RowsOrLabels() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MAIN_SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(sources).isNotEmpty();
        Set<String> labels = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (TemplateVersion t : TemplateVersion.values()) {
            for (TableId id : List.of(TableId.APPLICATIONS, TableId.REVIEWS_AND_LITIGATION)) {
                for (RowDef row : TemplateCatalogue.table(t, id).rows()) {
                    if (id == TableId.APPLICATIONS) {
                        labels.addAll(
                                row.allLabels()); // Table 4's row labels (行政复议…) are words the narrative rules look for
                    }
                    keys.add(row.key());
                    for (ColumnDef c : row.columns()) {
                        c.allLabels().stream().filter(l -> l.length() >= 3).forEach(labels::add); // not 其他, 总计
                        keys.add(c.key());
                    }
                }
            }
        }
        keys.remove("total"); // also a plain English word
        sources.forEach((file, text) -> {
            for (String label : labels) {
                assertThat(text)
                        .as("%s repeats the catalogue label %s", file, label)
                        .doesNotContain(label);
            }
            for (String key : keys) {
                boolean allowed = file.equals("Keys.java")
                        && (key.equals(Keys.T3_NEW_RECEIVED) || key.equals(Keys.T3_CARRIED_OVER));
                if (!allowed) {
                    assertThat(text)
                            .as("%s repeats the catalogue key %s", file, key)
                            .doesNotContain("\"" + key + "\"");
                }
            }
        });
    }
}

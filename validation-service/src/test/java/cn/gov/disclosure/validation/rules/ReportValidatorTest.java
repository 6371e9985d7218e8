package cn.gov.disclosure.validation.rules;

import static cn.gov.disclosure.contracts.catalogue.TableId.APPLICATIONS;
import static cn.gov.disclosure.contracts.catalogue.TableId.REVIEWS_AND_LITIGATION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {

    @Test
    void allFaultsInOnePass() {
        AnnualReport r = ReportEditor.seed(2)
                .removeSection(SectionKey.PROBLEMS_AND_IMPROVEMENTS)
                .cell(APPLICATIONS, "granted", "naturalPerson", 1) // row total, result total
                .cell(APPLICATIONS, "carriedForward", "naturalPerson", 1) // row total, balance
                .cell(REVIEWS_AND_LITIGATION, "litigationDirect", "upheld", 1) // group total, narrative
                .cell(APPLICATIONS, "refusedStateSecret", "researchInstitution", "0.5")
                .build();
        AnnualReport previous =
                ReportEditor.seed(4).year(2020).template(TemplateVersion.T2019).build();
        ValidationContext ctx =
                new ValidationContext("樟树市昌傅镇人民政府", 2021, OrganisationLevel.TOWNSHIP, Optional.of(previous));
        List<Finding> findings = Checks.validate(r, ctx);
        assertThat(findings)
                .extracting(Finding::code)
                .containsSubsequence(
                        "SECTION-MISSING",
                        "CELL-WHOLE-NUMBER",
                        "T3-ROW-TOTAL",
                        "T3-RESULT-TOTAL",
                        "T3-BALANCE",
                        "T4-GROUP-TOTAL",
                        "FEE-NOT-STATED");
        assertThat(findings)
                .extracting(Finding::code)
                .doesNotContain("ORG-MISMATCH", "YEAR-MISMATCH", "PREV-YEAR-UNAVAILABLE");
        assertThat(Checks.withCode(findings, "T3-ROW-TOTAL"))
                .extracting(f -> f.location().row())
                .containsExactly("granted", "refusedStateSecret", "carriedForward");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.messageZh()).isNotBlank();
            assertThat(f.messageEn()).isNotBlank();
        });
    }

    @Test
    void aFailingRuleDoesNotStopTheOthers() {
        Rule broken = new Rule() {
            @Override
            public RuleInfo info() {
                return RuleInfo.of("BROKEN", Severity.WARNING, "坏", "broken");
            }

            @Override
            public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
                throw new IllegalStateException("boom");
            }
        };
        ReportValidator v = new ReportValidator(List.of(broken, new SectionMissingRule()));
        AnnualReport r = ReportEditor.golden(1);
        List<Finding> f = v.validate(r, Checks.township(r));
        assertThat(f).extracting(Finding::code).containsExactly(ReportValidator.RULE_FAILED, "SECTION-MISSING");
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).messageEn()).contains("BROKEN").contains("boom");
    }

    @Test
    void rulesRunOnlyForTheirTemplates() {
        List<String> seen = new ArrayList<>();
        Rule only2021 = new Rule() {
            @Override
            public RuleInfo info() {
                return RuleInfo.of("ONLY-2021", Severity.INFO, "仅2021", "2021 only", TemplateVersion.T2021);
            }

            @Override
            public void check(ReportFacts facts, ValidationContext ctx, FindingSink out) {
                seen.add(facts.report().organisationName());
            }
        };
        ReportValidator v = new ReportValidator(List.of(only2021));
        for (int n = 0; n < 5; n++) {
            AnnualReport r = ReportEditor.golden(n);
            v.validate(r, Checks.township(r));
        }
        assertThat(seen).containsExactly("樟树市昌傅镇", "会盟镇人民政府");
    }

    @Test
    void findingsAreImmutableAndTheValidatorIsReusable() {
        ReportValidator v = ReportValidator.standard();
        AnnualReport a = ReportEditor.golden(0);
        AnnualReport b = ReportEditor.golden(1);
        List<Finding> first = v.validate(a, Checks.township(a));
        v.validate(b, Checks.township(b));
        assertThat(v.validate(a, Checks.township(a))).isEqualTo(first);
        Assertions.assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)));
    }

    @Test
    void threadsDoNotShareState() throws InterruptedException {
        ReportValidator v = ReportValidator.standard();
        List<AnnualReport> reports = List.of(ReportEditor.golden(0), ReportEditor.golden(1), ReportEditor.golden(2));
        List<List<Finding>> expected =
                reports.stream().map(r -> v.validate(r, Checks.township(r))).toList();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        int k = (i + offset) % reports.size();
                        assertThat(v.validate(reports.get(k), Checks.township(reports.get(k))))
                                .isEqualTo(expected.get(k));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }
}

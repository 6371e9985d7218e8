package cn.gov.disclosure.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Randomised: reports with random but consistent tables raise no error and no warning (no false alarm); each kind of
 * injected fault is caught by its rule.
 */
class GeneratedReportsTest {

    @Test
    void consistentReportsRaiseNothing() {
        ReportGenerator g = new ReportGenerator(1);
        for (int i = 0; i < 300; i++) {
            ReportGenerator.Generated r = g.valid();
            List<Finding> findings = Checks.validate(r.report(), r.ctx());
            List<Finding> serious =
                    findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
            assertThat(serious)
                    .as(
                            "report %d (%s %d):%n%s",
                            i, r.report().organisationName(), r.report().year(), Checks.describe(serious))
                    .isEmpty();
        }
    }

    @Test
    void everyInjectedFaultIsCaught() {
        ReportGenerator g = new ReportGenerator(2);
        Set<ReportGenerator.Fault> seen = EnumSet.noneOf(ReportGenerator.Fault.class);
        for (int i = 0; i < 800; i++) {
            ReportGenerator.Generated r = g.invalid();
            seen.add(r.fault());
            List<Finding> findings = Checks.validate(r.report(), r.ctx());
            assertThat(findings)
                    .as("report %d, fault %s:%n%s", i, r.fault(), Checks.describe(findings))
                    .anyMatch(f -> f.code().equals(r.fault().code));
        }
        assertThat(seen).containsExactlyInAnyOrder(ReportGenerator.Fault.values());
    }
}

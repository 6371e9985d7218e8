package cn.gov.disclosure.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.system.hostile.HostileInput;
import cn.gov.disclosure.system.hostile.HostileInputRun;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus (the same as {@code deploy/system-tests.sh hostile}) against the running platform: no
 * request gets a 5xx, none that must be refused gets a 2xx, and the refused ones store nothing in any service.
 */
@Order(3)
class HostileInputTest {

    @Test
    void noHostileRequestGetsA5xxOrAnAcceptanceAndTheRefusedOnesStoreNothing() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        PlatformClient client = new PlatformClient(platform);
        // the victim: seed 003's township (丰林县) with its report and case (there already after the end-to-end test);
        // the attacker: seed 000's township and the county reviewer of 晋江市
        Seeds.Seed victim = Seeds.load(SharedPlatform.repo()).get(3);
        String reportId = client.importText(victim.organisationCode(), victim.text(), "e2e-003")
                .json()
                .path("reportId")
                .asText();
        String caseId = PlatformClient.caseId(reportId, 1);
        awaitCase(client, victim.countyCode(), caseId);

        HostileInputRun.Result r =
                HostileInputRun.run(platform, client, "350582107", victim.organisationCode(), reportId, caseId);

        System.out.println(r.markdown());
        assertThat(r.outcomes()).hasSizeGreaterThan(300);
        assertThat(r.outcomes())
                .filteredOn(o -> o.probe().expect() == HostileInput.Expect.REFUSED)
                .hasSizeGreaterThan(250);
        assertThat(r.violations()).as(r.markdown()).isEmpty();
        assertThat(r.storedAfter())
                .as("rows stored while refused requests came in")
                .isEqualTo(r.storedBefore());
    }

    private static void awaitCase(PlatformClient client, String county, String caseId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (client.reviewCase(county, caseId).isEmpty()) {
            assertThat(System.nanoTime()).as("case %s within 2 minutes", caseId).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}

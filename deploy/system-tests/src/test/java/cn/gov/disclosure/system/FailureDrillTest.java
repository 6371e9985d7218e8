package cn.gov.disclosure.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.infra.LocalService;
import cn.gov.disclosure.system.failure.FailureDrill;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A smaller failure drill (the same as {@code deploy/system-tests.sh failures}, fewer reports and faults), with two
 * replicas of intake, validation and review as {@code deploy/k8s} runs them: while reports flow and are approved,
 * intake (its first replica), validation (its first) and publication are killed with SIGKILL and restarted, the broker
 * and PostgreSQL are stopped and started again. Every report must end in one final state, each approved one published
 * and archived exactly once, nothing left on the topics, and no event on its topic twice but one a fault made the relay
 * send again.
 */
@Order(4)
class FailureDrillTest {

    @Test
    void nothingIsLostOrDuplicatedWhenServicesAndTheBrokerFail() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        List<FailureDrill.Fault> faults = List.of(
                // intake: the townships' POSTs without an answer are sent again; after the restart its three status
                // channels consume their backlogs at once (the drill found a lost update there)
                kill("intake"),
                kill("validation"),
                new FailureDrill.Fault("Kafka broker stopped 5 s, restarted", p -> {
                    p.kafka().stop();
                    sleep(5_000);
                    p.kafka().start();
                }),
                kill("publication"),
                // the consumers' transient failures are retried (Inbox.handle), not dead-lettered
                new FailureDrill.Fault("PostgreSQL stopped 5 s, restarted", p -> {
                    p.postgres().stop();
                    sleep(5_000);
                    p.postgres().start();
                }));

        FailureDrill.Result r = new FailureDrill(platform, SharedPlatform.PROVINCE, 160, 4)
                .rate(4)
                .replicas(List.of("intake", "validation", "review"))
                .run(faults, Duration.ofSeconds(4), Duration.ofMinutes(4));

        System.out.println(r.markdown());
        assertThat(r.injected()).hasSize(5);
        assertThat(r.counts().get("reports submitted (202)")).isEqualTo(160);
        assertThat(r.counts().get("portal: reports published")).isGreaterThan(0);
        assertThat(r.counts().get("topic annual-report.review-decided: events"))
                .as("the decisions of two review replicas counted on their topic")
                .isGreaterThan(0);
        assertThat(r.problems()).as(r.markdown()).isEmpty();
    }

    private static FailureDrill.Fault kill(String service) {
        return new FailureDrill.Fault("kill -9 " + service + ", restart", p -> {
            LocalService s = p.service(service);
            s.kill();
            sleep(1_000);
            s.start();
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.infra.RealInfrastructureResource;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import cn.gov.disclosure.support.outbox.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The broker goes down; submissions are still accepted, and each event arrives exactly once when it is back. */
@QuarkusTest
class OutboxRecoveryTest {

    @Inject
    OutboxRelay relay;

    @Test
    void aSubmissionWhileTheBrokerIsDownArrivesOnceWhenItIsBack() throws Exception {
        String reportId = Townships.ZIMAO + "-2020";
        RealInfrastructureResource.kafka().stop();
        try {
            given().header("Authorization", Townships.submitter(Townships.ZIMAO))
                    .contentType(ContentType.JSON)
                    .body(GoldenSeeds.json(0))
                    .when()
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(202);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> relay.backlog() >= 1);
        } finally {
            RealInfrastructureResource.kafka().start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0);
        assertThat(KafkaProbe.readAll(Topics.REPORT_SUBMITTED, r -> reportId.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(1);
    }
}

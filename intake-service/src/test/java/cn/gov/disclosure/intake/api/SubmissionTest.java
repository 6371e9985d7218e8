package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventType;
import cn.gov.disclosure.contracts.events.ReportSubmitted;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.infra.RealInfrastructureResource;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructureResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "intake"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class SubmissionTest {

    @Test
    void aTownshipSubmitsItsReportAndTheEventLeavesThroughTheOutbox() throws Exception {
        String reportId = Townships.HONGXING + "-2020";
        given().header("Authorization", Townships.submitter(Townships.HONGXING))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(3))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .header("Location", Matchers.endsWith("/api/v1/reports/" + reportId))
                .body("reportId", equalTo(reportId))
                .body("version", equalTo(1))
                .body("state", equalTo("SUBMITTED"))
                .body("statusUrl", equalTo("/api/v1/reports/" + reportId));

        List<ConsumerRecord<String, String>> events =
                KafkaProbe.readAll(Topics.REPORT_SUBMITTED, r -> reportId.equals(r.key()), Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> record = events.get(0);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(EventType.REPORT_SUBMITTED.type());
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(reportId);
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/annual-report/intake-service");
        ReportSubmitted submitted = ContractsJson.mapper().readValue(record.value(), ReportSubmitted.class);
        assertThat(submitted.version()).isEqualTo(1);
        assertThat(submitted.organisationCode()).isEqualTo(Townships.HONGXING);
        assertThat(submitted.countyCode()).isEqualTo("230724");
        assertThat(submitted.report()).isEqualTo(GoldenSeeds.load(3));

        given().header("Authorization", Townships.submitter(Townships.HONGXING))
                .when()
                .get("/api/v1/reports/" + reportId)
                .then()
                .statusCode(200)
                .body("year", equalTo(2020))
                .body("versions", hasSize(1))
                .body("versions[0].state", equalTo("SUBMITTED"));
    }

    @Test
    void aNewVersionKeepsTheEarlierOneReadable() {
        String auth = Townships.submitter(Townships.CHIDIAN);
        String reportId = Townships.CHIDIAN + "-2021";
        for (int expected = 1; expected <= 2; expected++) {
            given().header("Authorization", auth)
                    .contentType(ContentType.JSON)
                    .body(Townships.seedAs(2, "池店镇", expected == 1 ? "" : "（第二稿）"))
                    .when()
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(202)
                    .body("version", equalTo(expected));
        }
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/reports/" + reportId)
                .then()
                .statusCode(200)
                .body("versions.version", Matchers.contains(1, 2));
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/reports/" + reportId + "/versions/1")
                .then()
                .statusCode(200)
                .body("report.organisationName", equalTo("池店镇"));
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/reports?year=2021")
                .then()
                .statusCode(200)
                .body("reportId", Matchers.hasItem(reportId))
                .body("find { it.reportId == '" + reportId + "' }.latestVersion", equalTo(2));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String auth = Townships.submitter(Townships.NANKOU);
        String key = UUID.randomUUID().toString();
        int before = versionCount(auth, Townships.NANKOU + "-2020");
        String report = Townships.seedAs(1, "南口镇", "（" + key + "）"); // its own content: no other test sends it
        int first = given().header("Authorization", auth)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
        int retried = given().header("Authorization", auth)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
        assertThat(retried).isEqualTo(first);
        assertThat(versionCount(auth, Townships.NANKOU + "-2020"))
                .isEqualTo(before + 1)
                .isEqualTo(first);
    }

    private static int versionCount(String auth, String reportId) {
        var response = given().header("Authorization", auth).when().get("/api/v1/reports/" + reportId);
        return response.statusCode() == 404 ? 0 : response.then().extract().path("versions.size()");
    }

    @Test
    void aTownshipWithdrawsAVersionBeforeReviewAndTheOthersAreTold() throws Exception {
        String auth = Townships.submitter(Townships.HONGXING);
        String reportId = Townships.HONGXING + "-2021";
        String report = Townships.seedAs(4, "红星镇", "");
        int version = given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
        given().header("Authorization", Townships.submitter(Townships.ZIMAO))
                .when()
                .post("/api/v1/reports/" + reportId + "/versions/" + version + "/withdraw")
                .then()
                .statusCode(403);
        given().header("Authorization", auth)
                .when()
                .post("/api/v1/reports/" + reportId + "/versions/" + version + "/withdraw")
                .then()
                .statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        given().header("Authorization", auth)
                .when()
                .post("/api/v1/reports/" + reportId + "/versions/" + version + "/withdraw")
                .then()
                .statusCode(409)
                .body("detail", Matchers.containsString("已撤回"));
        List<ConsumerRecord<String, String>> withdrawn =
                KafkaProbe.readAll(Topics.REPORT_WITHDRAWN, r -> reportId.equals(r.key()), Duration.ofSeconds(3));
        assertThat(withdrawn).hasSize(1);
        assertThat(KafkaProbe.header(withdrawn.get(0), "ce_type")).isEqualTo(EventType.REPORT_WITHDRAWN.type());
        // a withdrawn version does not stop the township from sending it again
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("version", equalTo(version + 1));
    }
}

package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.GoldenSeeds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Intake refuses what a filing office would refuse, and says why in Chinese; nothing is stored for a refusal. */
@QuarkusTest
class FilingOfficeTest {

    private static int versions(String auth, String reportId) {
        var response = given().header("Authorization", auth).when().get("/api/v1/reports/" + reportId);
        return response.statusCode() == 404 ? 0 : response.then().extract().path("versions.size()");
    }

    @Test
    void aJsonReportNamingAnotherOrganIsRefusedNamingBoth() {
        String auth = Townships.submitter(Townships.SHENHU);
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(0))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("晋江市紫帽镇人民政府"))
                .body("detail", containsString("深沪镇"));
        Assertions.assertThat(versions(auth, Townships.SHENHU + "-2020")).isZero();
    }

    @Test
    void aDocumentNamingAnotherOrganIsRefused() throws Exception {
        byte[] doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed-documents/seed-4.doc")) {
            doc = in.readAllBytes();
        }
        String auth = Townships.submitter(Townships.JINJING);
        given().header("Authorization", auth)
                .contentType("application/msword")
                .body(doc)
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(422)
                .body("detail", containsString("会盟镇"))
                .body("detail", containsString("金井镇"));
        Assertions.assertThat(versions(auth, Townships.JINJING + "-2021")).isZero();
    }

    @Test
    void theSameIdempotencyKeyWithAnotherReportIsRefused() {
        String auth = Townships.submitter(Townships.CHIDIAN);
        String key = UUID.randomUUID().toString();
        given().header("Authorization", auth)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Townships.seedAs(3, "池店镇", ""))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202);
        given().header("Authorization", auth)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Townships.seedAs(3, "池店镇", "（另一份）"))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(422)
                .body("detail", containsString("Idempotency-Key"))
                .body("detail", containsString("不同"));
        Assertions.assertThat(versions(auth, Townships.CHIDIAN + "-2020")).isEqualTo(1);
    }

    @Test
    void anIdenticalResubmissionSaysSoInsteadOfMakingACopy() {
        String auth = Townships.submitter(Townships.ZIMAO);
        String reportId = Townships.ZIMAO + "-2021";
        String report = Townships.seedAs(2, "紫帽镇", "");
        int version = given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(409)
                .body("detail", containsString("第 " + version + " 版"))
                .body("detail", containsString("完全相同"));
        Assertions.assertThat(versions(auth, reportId)).isEqualTo(version);
        // after a withdrawal the same report may be sent again
        given().header("Authorization", auth)
                .when()
                .post("/api/v1/reports/" + reportId + "/versions/" + version + "/withdraw")
                .then()
                .statusCode(200);
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

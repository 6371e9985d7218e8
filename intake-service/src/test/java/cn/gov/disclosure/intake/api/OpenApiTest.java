package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The API is documented with a real report as its examples. */
@QuarkusTest
class OpenApiTest {

    @Test
    void theSubmissionEndpointsShowSeed003AsTheirExample() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/reports'.post.requestBody.content.'application/json'.example.organisationName",
                        equalTo("红星镇"))
                .body(
                        "paths.'/api/v1/reports/import'.post.requestBody.content.'text/plain'.example",
                        containsString("红星镇 2020 年政府信息公开工作年度报告"))
                .body(
                        "paths.'/api/v1/reports/{reportId}/versions/{version}/withdraw'.post.summary",
                        containsString("撤回"));
    }
}

package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A township's draft: its own, kept, replaced, never a version; submitting the year's report removes it. */
@QuarkusTest
class DraftTest {

    private static String draftOf(String report) {
        return "{\"report\": " + report + ", \"importNotes\": [\"第 3 行：提示\"], \"provenance\": []}";
    }

    @Test
    void aDraftIsKeptReplacedAndOnlyTheTownships() {
        String auth = Townships.submitter(Townships.SHENHU);
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/drafts/2021")
                .then()
                .statusCode(404);
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(draftOf(Townships.seedAs(2, "深沪镇", "（草稿一）")))
                .when()
                .put("/api/v1/drafts/2021")
                .then()
                .statusCode(200)
                .body("savedAt", notNullValue());
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(draftOf(Townships.seedAs(2, "深沪镇", "（草稿二）")))
                .when()
                .put("/api/v1/drafts/2021")
                .then()
                .statusCode(200);
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/drafts/2021")
                .then()
                .statusCode(200)
                .body("report.sections[0].text", containsString("（草稿二）"))
                .body("importNotes[0]", equalTo("第 3 行：提示"));
        // no version, and nobody else's
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/reports/" + Townships.SHENHU + "-2021")
                .then()
                .statusCode(404);
        given().header("Authorization", Townships.submitter(Townships.JINJING))
                .when()
                .get("/api/v1/drafts/2021")
                .then()
                .statusCode(404);
        given().header("Authorization", Townships.reviewer(Townships.JINJIANG))
                .when()
                .get("/api/v1/drafts/2021")
                .then()
                .statusCode(403);
        given().header("Authorization", auth)
                .when()
                .delete("/api/v1/drafts/2021")
                .then()
                .statusCode(204);
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/drafts/2021")
                .then()
                .statusCode(404);
    }

    @Test
    void aDraftOfAnotherYearThanItsPathIsRefused() {
        given().header("Authorization", Townships.submitter(Townships.SHENHU))
                .contentType(ContentType.JSON)
                .body(draftOf(Townships.seedAs(2, "深沪镇", "")))
                .when()
                .put("/api/v1/drafts/2022")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/report/year"));
    }

    @Test
    void submittingTheYearsReportRemovesItsDraft() {
        String auth = Townships.submitter(Townships.PINGLE);
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(draftOf(Townships.seedAs(2, "平乐镇", "（草稿）")))
                .when()
                .put("/api/v1/drafts/2021")
                .then()
                .statusCode(200);
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(Townships.seedAs(2, "平乐镇", "（定稿）"))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202);
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/drafts/2021")
                .then()
                .statusCode(404);
    }

    @Test
    void aDraftIsSubmittedWithItsProvenanceOnceHoweverOftenTheClerkRetries() {
        String auth = Townships.submitter(Townships.PINGLE);
        given().header("Authorization", auth)
                .header("Idempotency-Key", "draft-none")
                .when()
                .post("/api/v1/drafts/2020/submit")
                .then()
                .statusCode(404);
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body("{\"report\": " + Townships.seedAs(0, "平乐镇", "") + ", \"importNotes\": [\"第 3 行：提示\"], "
                        + "\"provenance\": [{\"table\": \"applications\", \"row\": \"newReceived\", \"column\": \"total\", "
                        + "\"line\": 40, \"raw\": \"95\", \"reading\": \"CORRECTED\"}]}")
                .when()
                .put("/api/v1/drafts/2020")
                .then()
                .statusCode(200);
        int version = given().header("Authorization", auth)
                .header("Idempotency-Key", "draft-2020")
                .when()
                .post("/api/v1/drafts/2020/submit")
                .then()
                .statusCode(202)
                .body("reportId", equalTo(Townships.PINGLE + "-2020"))
                .extract()
                .path("version");
        // the retry of a submission whose answer was lost: the same version, not a 404 for the draft now gone
        given().header("Authorization", auth)
                .header("Idempotency-Key", "draft-2020")
                .when()
                .post("/api/v1/drafts/2020/submit")
                .then()
                .statusCode(202)
                .body("version", equalTo(version));
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/drafts/2020")
                .then()
                .statusCode(404);
        given().header("Authorization", auth)
                .when()
                .get("/api/v1/reports/" + Townships.PINGLE + "-2020/versions/" + version)
                .then()
                .statusCode(200)
                .body("source", equalTo("WORKSPACE"))
                .body("importNotes[0]", equalTo("第 3 行：提示"))
                .body("provenance[0].reading", equalTo("CORRECTED"))
                .body("provenance[0].raw", equalTo("95"));
    }
}

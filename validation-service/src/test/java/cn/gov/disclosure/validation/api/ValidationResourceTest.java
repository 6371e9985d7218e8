package cn.gov.disclosure.validation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.infra.oidc.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The rule catalogue, and checking before submitting (test resources from ValidationFlowTest). */
@QuarkusTest
class ValidationResourceTest {

    private static String token(String org) {
        return "Bearer " + TestTokens.token("staff-" + org, "township-submitter", org);
    }

    @Test
    void theRuleCatalogueIsReadable() {
        given().when()
                .get("/api/v1/rules")
                .then()
                .statusCode(200)
                .body("code", hasItems("T3-BALANCE", "SECTION-MISSING", "RULES-AT-TOWNSHIP"))
                .body("find { it.code == 'T3-BALANCE' }.severity", equalTo("error"))
                .body("find { it.code == 'T3-BALANCE' }.descriptionZh", Matchers.notNullValue());
    }

    @Test
    void checkingBeforeSubmittingStoresNothingAndNamesTheFindings() {
        given().header("Authorization", token("350582107"))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(0))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("passed", equalTo(true))
                .body("findings.code", hasItem("RULES-AT-TOWNSHIP"));
        given().header("Authorization", token("110114102"))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(1))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("passed", equalTo(false))
                .body("findings.code", hasItem("SECTION-MISSING"));
        given().header("Authorization", token("360982103"))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(2))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("passed", equalTo(true))
                .body("findings.severity", not(hasItem("error")));
    }

    @Test
    void checkingRequiresAToken() {
        given().contentType(ContentType.JSON)
                .body(GoldenSeeds.json(2))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void badJsonIsAProblem() {
        given().header("Authorization", token("360982103"))
                .contentType(ContentType.JSON)
                .body("[1,2")
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theTownshipsPageMayCheckFromItsOriginAndNoOtherMay() {
        // the browser's preflight for the workspace's dry run (intake's origin, a bearer token, JSON)
        given().header("Origin", "http://127.0.0.1:8081")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when()
                .options("/api/v1/validate")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8081"))
                .header("Access-Control-Allow-Headers", Matchers.containsStringIgnoringCase("Authorization"));
        given().header("Origin", "http://127.0.0.1:8081")
                .header("Authorization", token("350582107"))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(0))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8081"));
        // a page of another origin is not answered for the browser
        given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/validate")
                .then()
                .header("Access-Control-Allow-Origin", Matchers.nullValue());
    }

    @Test
    void aTokenIssuedForAnotherClientOfTheRealmIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.forAnotherClient("u", "township-submitter", "350582107"))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(0))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(401);
    }
}

package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.infra.oidc.TestTokens;
import cn.gov.disclosure.support.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OIDC bearer tokens: who may submit and read what. Test resources come from {@link SubmissionTest}. */
@QuarkusTest
class AuthorisationTest {

    private static final String REPORT = "/api/v1/reports/" + Townships.HUIMENG + "-2021";

    @BeforeEach
    void huimengHasSubmitted() {
        // a version of its own each time (an identical resubmission is refused)
        given().header("Authorization", Townships.submitter(Townships.HUIMENG))
                .contentType(ContentType.JSON)
                .body(Townships.seedAs(4, "会盟镇人民政府", "（" + UUID.randomUUID() + "）"))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202);
    }

    @Test
    void noTokenIs401WithAProblem() {
        given().contentType(ContentType.JSON)
                .body(GoldenSeeds.json(4))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .body("titleEn", equalTo("Not authenticated"));
        given().when().get(REPORT).then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.wronglySigned("x", Roles.TOWNSHIP_SUBMITTER, Townships.HUIMENG))
                .when()
                .get(REPORT)
                .then()
                .statusCode(401);
    }

    @Test
    void anUnsignedTokenIs401() {
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.unsigned("x", Roles.TOWNSHIP_SUBMITTER, Townships.HUIMENG))
                .when()
                .get(REPORT)
                .then()
                .statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.expired("x", Roles.TOWNSHIP_SUBMITTER, Townships.HUIMENG))
                .when()
                .get(REPORT)
                .then()
                .statusCode(401);
    }

    @Test
    void aTokenIssuedForAnotherClientOfTheRealmIs401() {
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.forAnotherClient("x", Roles.TOWNSHIP_SUBMITTER, Townships.HUIMENG))
                .when()
                .get(REPORT)
                .then()
                .statusCode(401);
    }

    @Test
    void theTownshipReadsItsOwnReport() {
        given().header("Authorization", Townships.submitter(Townships.HUIMENG))
                .when()
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("organisationCode", equalTo(Townships.HUIMENG));
    }

    @Test
    void anotherTownshipCannotReadIt() {
        given().header("Authorization", Townships.submitter(Townships.ZIMAO))
                .when()
                .get(REPORT)
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Townships.submitter(Townships.ZIMAO))
                .when()
                .get(REPORT + "/versions/1")
                .then()
                .statusCode(403);
    }

    @Test
    void theCountyOfTheTownshipMayReadItAnotherCountyMayNot() {
        given().header("Authorization", Townships.reviewer(Townships.MENGJIN))
                .when()
                .get(REPORT)
                .then()
                .statusCode(200);
        given().header("Authorization", Townships.reviewer(Townships.JINJIANG))
                .when()
                .get(REPORT)
                .then()
                .statusCode(403);
    }

    @Test
    void theProvinceReadsEverything() {
        given().header("Authorization", Townships.provinceAdmin())
                .when()
                .get(REPORT)
                .then()
                .statusCode(200);
    }

    @Test
    void onlyTownshipStaffSubmit() {
        given().header("Authorization", Townships.reviewer(Townships.MENGJIN))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(4))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Townships.provinceAdmin())
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(4))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(403);
    }

    @Test
    void aSubmitterWithoutARegisteredOrganisationIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.token("ghost", Roles.TOWNSHIP_SUBMITTER, "999999999"))
                .contentType(ContentType.JSON)
                .body(GoldenSeeds.json(4))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(403);
    }
}

package cn.gov.disclosure.publication.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.infra.oidc.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Who may see and retry publications (test resources from PublicationFlowTest: the same Quarkus boot). */
@QuarkusTest
class PublicationResourceTest {

    static String bearer(String role) {
        return "Bearer " + TestTokens.token("user-" + role, role, "350582107");
    }

    @Test
    void operatorsAndProvinceAdminsSeeThePublications() {
        given().header("Authorization", bearer("operator"))
                .when()
                .get("/api/v1/publications")
                .then()
                .statusCode(200);
        given().header("Authorization", bearer("province-admin"))
                .when()
                .get("/api/v1/publications?status=published")
                .then()
                .statusCode(200);
        given().header("Authorization", bearer("province-admin"))
                .when()
                .get("/api/v1/publications?status=nonsense")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void othersDoNot() {
        given().header("Authorization", bearer("township-submitter"))
                .when()
                .get("/api/v1/publications")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", bearer("county-reviewer"))
                .when()
                .post("/api/v1/publications/x-2020/1/retry")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/publications").then().statusCode(401);
    }

    @Test
    void anUnknownPublicationIsAProblem() {
        given().header("Authorization", bearer("operator"))
                .when()
                .get("/api/v1/publications/nobody-2020/1")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", bearer("operator"))
                .when()
                .post("/api/v1/publications/nobody-2020/1/retry")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aReviewerPreviewsThePdfACaseWouldBePublishedAsFromTheReviewersPage() {
        byte[] pdf = given().header("Authorization", "Bearer " + TestTokens.token("r", "county-reviewer", "350582"))
                .header("Origin", "http://127.0.0.1:8083")
                .contentType("application/json")
                .body(GoldenSeeds.json(0))
                .when()
                .post("/api/v1/preview")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8083")
                .extract()
                .asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // a township cannot, nor can an empty body be previewed
        given().header("Authorization", "Bearer " + TestTokens.token("t", "township-submitter", "350582107"))
                .contentType("application/json")
                .body(GoldenSeeds.json(0))
                .when()
                .post("/api/v1/preview")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.token("r", "county-reviewer", "350582"))
                .contentType("application/json")
                .body("")
                .when()
                .post("/api/v1/preview")
                .then()
                .statusCode(400);
        // the browser's preflight from the reviewers' page
        given().header("Origin", "http://127.0.0.1:8083")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when()
                .options("/api/v1/preview")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8083");
    }
}

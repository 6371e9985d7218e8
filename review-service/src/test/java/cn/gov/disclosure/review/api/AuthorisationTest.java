package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.infra.oidc.TestTokens;
import cn.gov.disclosure.support.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: county reviewers see and decide their own county's cases; the province reads everything and
 * decides nothing; townships and everyone else are refused; no valid token, no answer.
 */
@QuarkusTest
class AuthorisationTest {

    private static final List<String> ACTIONS = List.of("claim", "release", "approve", "return");

    private static Object bodyOf(String action) {
        return action.equals("return") ? returnBody("意见") : action.equals("approve") ? Map.of() : null;
    }

    /** Every read and every change of the API for a case, with the given Authorization header (or none). */
    private static void assertEveryEndpoint(String auth, String caseId, int status, boolean reads, boolean changes) {
        if (reads) {
            for (String path : List.of(
                    CASES, CASES + "/" + caseId, CASES + "/" + caseId + "/audit", "/api/v1/completeness?year=2021")) {
                RequestSpecification req = given();
                if (auth != null) {
                    req = req.header("Authorization", auth);
                }
                req.when()
                        .get(path)
                        .then()
                        .statusCode(status)
                        .contentType(startsWith("application/problem+json"))
                        .body("status", equalTo(status));
            }
        }
        if (changes) {
            String etag = etag(caseId);
            for (String action : ACTIONS) {
                act(auth, caseId, action, etag, bodyOf(action))
                        .statusCode(status)
                        .contentType(startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void withoutAValidTokenEverythingIs401() {
        String id = open(HUIMENG, newYear(), 1);
        assertEveryEndpoint(null, id, 401, true, true);
        given().when()
                .get(CASES)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("titleEn", equalTo("Not authenticated"));
        for (String token : List.of(
                TestTokens.expired("reviewer", Roles.COUNTY_REVIEWER, MENGJIN),
                TestTokens.wronglySigned("reviewer", Roles.COUNTY_REVIEWER, MENGJIN),
                TestTokens.unsigned("reviewer", Roles.COUNTY_REVIEWER, MENGJIN),
                // right issuer, key and role, but issued for another client of the realm (aud)
                TestTokens.forAnotherClient("reviewer", Roles.COUNTY_REVIEWER, MENGJIN),
                "not-a-jwt")) {
            assertEveryEndpoint("Bearer " + token, id, 401, true, true);
        }
        assertThat(state(id)).isEqualTo("AWAITING_REVIEW");
    }

    @Test
    void aTownshipUsesNoneOfThisApiNotEvenForItsOwnReport() {
        String id = open(HUIMENG, newYear(), 1);
        assertEveryEndpoint(submitter(HUIMENG), id, 403, true, true);
        assertEveryEndpoint("Bearer " + TestTokens.token("ops", Roles.OPERATOR, "350000"), id, 403, true, true);
        assertEveryEndpoint("Bearer " + TestTokens.token("nobody", null, MENGJIN), id, 403, true, true);
    }

    @Test
    void theProvinceReadsEverythingAndDecidesNothing() {
        int year = newYear();
        String id = open(HUIMENG, year, 1);
        String admin = provinceAdmin();
        given().header("Authorization", admin)
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .body("allowedActions", hasSize(0));
        given().header("Authorization", admin)
                .when()
                .get(CASES + "/" + id + "/audit")
                .then()
                .statusCode(200);
        given().header("Authorization", admin)
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        for (String action : ACTIONS) {
            act(admin, id, action, bodyOf(action)).statusCode(403).body("status", equalTo(403));
        }
        // not even a case another reviewer holds
        claim(reviewer(MENGJIN), id);
        for (String action : ACTIONS) {
            act(admin, id, action, bodyOf(action)).statusCode(403);
        }
        assertThat(state(id)).isEqualTo("IN_REVIEW");
    }

    @Test
    void aReviewerOfAnotherCountyCanNeitherSeeNorDecideACaseEvenByItsId() {
        int year = newYear();
        String id = open(HUIMENG, year, 1, FEES_WARNING);
        String jinjiang = reviewer(JINJIANG);
        given().header("Authorization", jinjiang)
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", jinjiang)
                .when()
                .get(CASES + "/" + id + "/audit")
                .then()
                .statusCode(403);
        for (String action : ACTIONS) {
            act(jinjiang, id, action, bodyOf(action)).statusCode(403);
        }
        // the case is claimed by its own county's reviewer: another county still may not release, approve or return it,
        // not even with the right ETag and every acknowledgement
        String mengjin = reviewer(MENGJIN);
        claim(mengjin, id);
        act(jinjiang, id, "approve", Map.of("acknowledgements", List.of(Map.of("findingCode", "FEES-NOT-STATED"))))
                .statusCode(403);
        act(jinjiang, id, "return", returnBody("不归我管")).statusCode(403);
        act(jinjiang, id, "release", null).statusCode(403);
        // and without If-Match it is still 403, not 428: who you are comes first
        act(jinjiang, id, "approve", null, Map.of()).statusCode(403);
        assertThat(state(id)).isEqualTo("IN_REVIEW");

        // the lists of the other county do not show it, and asking for its township or county is refused
        given().header("Authorization", jinjiang)
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().header("Authorization", jinjiang)
                .queryParam("township", HUIMENG)
                .when()
                .get(CASES)
                .then()
                .statusCode(403);
        given().header("Authorization", jinjiang)
                .queryParam("county", MENGJIN)
                .when()
                .get(CASES)
                .then()
                .statusCode(403);
        given().header("Authorization", jinjiang)
                .queryParam("year", year)
                .queryParam("county", MENGJIN)
                .when()
                .get("/api/v1/completeness")
                .then()
                .statusCode(403);

        // its own county decides
        act(mengjin, id, "approve", Map.of("acknowledgements", List.of(Map.of("findingCode", "FEES-NOT-STATED"))))
                .statusCode(200);
    }

    @Test
    void aReviewerSeesOnlyTheCasesOfTheirOwnCounty() {
        int year = newYear();
        open(ZIMAO, year, 1);
        open(ANHAI, year, 1);
        open(HUIMENG, year, 1);
        given().header("Authorization", reviewer(JINJIANG))
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.countyCode", everyItem(equalTo(JINJIANG)));
        given().header("Authorization", reviewer(MENGJIN))
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.organisationCode", contains(HUIMENG));
    }

    @Test
    void aReviewerWhoseTokenNamesNoCountyIsRefused() {
        String id = open(ZIMAO, newYear(), 1);
        // a township code, a city code, an unknown code, no org claim at all
        for (String org : new String[] {ZIMAO, "350500", "999999", null}) {
            String auth = "Bearer " + TestTokens.token("odd-reviewer", Roles.COUNTY_REVIEWER, org);
            assertEveryEndpoint(auth, id, 403, true, true);
        }
    }
}

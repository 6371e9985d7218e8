package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state machine over the API: every legal and illegal transition, the claim, If-Match, comments, acknowledgements. */
@QuarkusTest
class CaseLifecycleTest {

    private static final String ALICE = reviewer(JINJIANG, "alice");
    private static final String BOB = reviewer(JINJIANG, "bob");
    private static final List<String> ACTIONS = List.of("claim", "release", "approve", "return");

    @Test
    void everyLegalTransitionOverTheApiWithItsAuditTrail() {
        int year = newYear();
        String id = open(ZIMAO, year, 1);
        String etag1 = etag(id);
        assertThat(etag1).isEqualTo("\"1\"");

        act(ALICE, id, "claim", etag1, null)
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("state", equalTo("IN_REVIEW"))
                .body("claimedBy.subject", equalTo("alice"))
                .body("claimedBy.name", equalTo("alice"))
                .body("claimedAt", notNullValue())
                .body("etag", equalTo("\"2\""))
                .body("allowedActions", containsInAnyOrder("release", "approve", "return"));
        act(ALICE, id, "release", "\"2\"", null)
                .statusCode(200)
                .body("state", equalTo("AWAITING_REVIEW"))
                .body("claimedBy", nullValue())
                .body("allowedActions", contains("claim"));
        act(BOB, id, "claim", "\"3\"", null).statusCode(200).body("claimedBy.subject", equalTo("bob"));
        act(BOB, id, "return", "\"4\"", returnBody("  请补充信息处理费说明  "))
                .statusCode(200)
                .body("state", equalTo("RETURNED"))
                .body("decision.decidedBy.subject", equalTo("bob"))
                .body("decision.comment", equalTo("请补充信息处理费说明"))
                .body("allowedActions", hasSize(0));

        given().header("Authorization", ALICE)
                .when()
                .get(CASES + "/" + id + "/audit")
                .then()
                .statusCode(200)
                .header("ETag", "\"5\"")
                .body("caseId", equalTo(id))
                .body("entries.from", contains(null, "AWAITING_REVIEW", "IN_REVIEW", "AWAITING_REVIEW", "IN_REVIEW"))
                .body(
                        "entries.to",
                        contains("AWAITING_REVIEW", "IN_REVIEW", "AWAITING_REVIEW", "IN_REVIEW", "RETURNED"))
                .body("entries.actor", contains("review-service", "alice", "alice", "bob", "bob"))
                .body("entries.actorName", contains("系统 / system", "alice", "alice", "bob", "bob"))
                .body("entries[4].comment", equalTo("请补充信息处理费说明"))
                .body("entries[4].at", notNullValue());

        String approved = open(ZIMAO, year, 2);
        claim(ALICE, approved);
        act(ALICE, approved, "approve", Map.of())
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decision.decision", equalTo("APPROVED"))
                .body("decision.decidedBy.name", equalTo("alice"))
                .body("claimedBy", nullValue());
    }

    /** Each case is brought into a state, then every action the table does not allow there is tried. */
    @Test
    void everyIllegalTransitionIs409WithTheCurrentState() {
        int year = newYear();
        String awaiting = open(ANHAI, year, 1);
        assertIllegal(awaiting, "AWAITING_REVIEW", "release", "approve", "return");

        claim(ALICE, awaiting);
        assertIllegal(awaiting, "IN_REVIEW", "claim");

        act(ALICE, awaiting, "approve", Map.of()).statusCode(200);
        assertIllegal(awaiting, "APPROVED", ACTIONS.toArray(String[]::new));

        String returned = open(CHIDIAN, year, 1);
        claim(ALICE, returned);
        act(ALICE, returned, "return", returnBody("退回")).statusCode(200);
        assertIllegal(returned, "RETURNED", ACTIONS.toArray(String[]::new));

        open(CHIDIAN, year, 2);
        assertThat(state(returned)).isEqualTo("SUPERSEDED");
        assertIllegal(returned, "SUPERSEDED", ACTIONS.toArray(String[]::new));

        send(validated(SHENHU, year, 1, false, List.of(BALANCE_ERROR)));
        String failed = awaitCase(SHENHU + "-" + year + "-v1");
        assertIllegal(failed, "VALIDATION_FAILED", ACTIONS.toArray(String[]::new));
    }

    private static void assertIllegal(String id, String state, String... actions) {
        String before = etag(id);
        for (String action : actions) {
            Object body = action.equals("return") ? returnBody("意见") : action.equals("approve") ? Map.of() : null;
            act(ALICE, id, action, before, body)
                    .statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(409))
                    .body("type", equalTo("https://annual-report.gov.cn/problems/illegal-transition"))
                    .body("state", equalTo(state))
                    .body("action", equalTo(action))
                    .body("etag", equalTo(before)) // the case as it is after the refusal: unchanged
                    .body("detail", containsString(state));
        }
    }

    @Test
    void onlyTheClaimerMayReleaseApproveOrReturn() {
        int year = newYear();
        String id = open(JINJING, year, 1);
        claim(ALICE, id);
        for (String action : List.of("release", "approve", "return")) {
            Object body = action.equals("return") ? returnBody("不是我的") : action.equals("approve") ? Map.of() : null;
            act(BOB, id, action, body)
                    .statusCode(409)
                    .body("type", equalTo("https://annual-report.gov.cn/problems/not-claimed-by-you"))
                    .body("state", equalTo("IN_REVIEW"))
                    .body("claimedBy.subject", equalTo("alice"));
        }
        given().header("Authorization", BOB).when().get(CASES + "/" + id).then().body("allowedActions", hasSize(0));
        assertThat(state(id)).isEqualTo("IN_REVIEW");
    }

    @Test
    void everyChangeNeedsTheCurrentETagAsIfMatch() {
        int year = newYear();
        String id = open(SHENHU, year, 1);
        act(ALICE, id, "claim", null, null)
                .statusCode(428)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(428))
                .body("etag", equalTo("\"1\""));
        act(ALICE, id, "claim", "*", null).statusCode(428);
        act(ALICE, id, "claim", "\"7\"", null)
                .statusCode(412)
                .header("ETag", "\"1\"")
                .body("status", equalTo(412))
                .body("state", equalTo("AWAITING_REVIEW"))
                .body("etag", equalTo("\"1\""));
        act(ALICE, id, "claim", "\"not-a-version\"", null).statusCode(412);
        act(ALICE, id, "claim", "W/\"1\"", null).statusCode(200);
        // the ETag of before the claim is stale now, for every action
        act(ALICE, id, "release", "\"1\"", null).statusCode(412).body("state", equalTo("IN_REVIEW"));
        act(ALICE, id, "approve", "\"1\"", Map.of()).statusCode(412);
        act(ALICE, id, "return", "\"1\"", returnBody("x")).statusCode(412);
        act(ALICE, id, "release", null, null).statusCode(428);
        assertThat(state(id)).isEqualTo("IN_REVIEW");
    }

    @Test
    void returningNeedsACommentForTheTownship() {
        int year = newYear();
        String id = open(HUIMENG, year, 1);
        String auth = reviewer(MENGJIN);
        claim(auth, id);
        act(auth, id, "return", null)
                .statusCode(400)
                .body("type", containsString("comment-required"))
                .body("errors[0].pointer", equalTo("/comment"));
        act(auth, id, "return", returnBody("   ")).statusCode(400);
        act(auth, id, "return", Map.of()).statusCode(400);
        act(auth, id, "return", "{\"comment\": \"x\", \"unknown\": 1}").statusCode(400);
        assertThat(state(id)).isEqualTo("IN_REVIEW");
        act(auth, id, "return", returnBody("请核对表四")).statusCode(200).body("state", equalTo("RETURNED"));
    }

    @Test
    void approvingAReportWithWarningsNeedsEachWarningAcknowledgedAndRecordsIt() {
        int year = newYear();
        String id = open(PINGLE, year, 1, RULES_WARNING, FEES_WARNING, INFO);
        String auth = reviewer(MENGJIN);
        given().header("Authorization", auth)
                .when()
                .get(CASES + "/" + id)
                .then()
                .body("warningsToAcknowledge.findingCode", contains("RULES-AT-TOWNSHIP", "FEES-NOT-STATED"))
                .body("warningsToAcknowledge[0].row", equalTo("rules"))
                .body("warningsToAcknowledge[0].column", equalTo("issued"))
                .body("warningsToAcknowledge[1].row", nullValue());
        claim(auth, id);

        act(auth, id, "approve", null)
                .statusCode(400)
                .body("type", containsString("acknowledgement-missing"))
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo("rules"))
                .body("errors[0].cells", contains("issued"))
                .body("errors[0].messageEn", containsString("RULES-AT-TOWNSHIP"))
                .body("errors[1].messageEn", containsString("FEES-NOT-STATED"));
        act(auth, id, "approve", Map.of("acknowledgements", List.of(Map.of("findingCode", "FEES-NOT-STATED"))))
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].messageEn", containsString("RULES-AT-TOWNSHIP"));
        act(
                        auth,
                        id,
                        "approve",
                        Map.of(
                                "acknowledgements",
                                List.of(
                                        Map.of("findingCode", "FEES-NOT-STATED"),
                                        Map.of("findingCode", "RULES-AT-TOWNSHIP", "row", "rules", "column", "issued"),
                                        Map.of("findingCode", "PREV-YEAR-UNAVAILABLE"))))
                .statusCode(400)
                .body("type", containsString("acknowledgement-unknown"))
                .body("errors[0].messageEn", containsString("PREV-YEAR-UNAVAILABLE"));
        assertThat(state(id)).isEqualTo("IN_REVIEW");

        act(
                        auth,
                        id,
                        "approve",
                        Map.of(
                                "acknowledgements",
                                List.of(
                                        Map.of("findingCode", "FEES-NOT-STATED", "note", "该镇未收取信息处理费"),
                                        Map.of(
                                                "findingCode",
                                                "RULES-AT-TOWNSHIP",
                                                "row",
                                                "rules",
                                                "column",
                                                "issued"))))
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("acknowledgements.findingCode", contains("RULES-AT-TOWNSHIP", "FEES-NOT-STATED"))
                .body("acknowledgements[0].row", equalTo("rules"))
                .body("acknowledgements[1].note", equalTo("该镇未收取信息处理费"))
                .body("acknowledgements[1].acknowledgedBy", equalTo("reviewer-" + MENGJIN))
                .body("acknowledgements[1].acknowledgedAt", notNullValue());
    }

    @Test
    void readsAreCacheableByETag() {
        int year = newYear();
        String id = open(HUIMENG, year, 1);
        String etag = given().header("Authorization", reviewer(MENGJIN))
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .header("Vary", containsString("Authorization"))
                .extract()
                .header("ETag");
        given().header("Authorization", reviewer(MENGJIN))
                .header("If-None-Match", etag)
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyOrNullString());
        given().header("Authorization", reviewer(MENGJIN))
                .header("If-None-Match", etag)
                .when()
                .get(CASES + "/" + id + "/audit")
                .then()
                .statusCode(304);
        claim(reviewer(MENGJIN), id);
        given().header("Authorization", reviewer(MENGJIN))
                .header("If-None-Match", etag)
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)));

        String listTag = given().header("Authorization", reviewer(MENGJIN))
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(listTag).isNotBlank();
        given().header("Authorization", reviewer(MENGJIN))
                .queryParam("year", year)
                .header("If-None-Match", listTag)
                .when()
                .get(CASES)
                .then()
                .statusCode(304);
        act(reviewer(MENGJIN), id, "release", null).statusCode(200);
        given().header("Authorization", reviewer(MENGJIN))
                .queryParam("year", year)
                .header("If-None-Match", listTag)
                .when()
                .get(CASES)
                .then()
                .statusCode(200);
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theAuditTrailIsAppendOnly() throws Exception {
        String id = open(ZIMAO, newYear(), 1);
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String change : List.of(
                    "UPDATE case_audit SET comment = 'rewritten' WHERE case_id = '" + id + "'",
                    "DELETE FROM case_audit WHERE case_id = '" + id + "'",
                    "TRUNCATE case_audit CASCADE")) {
                assertThatThrownBy(() -> st.execute(change))
                        .as(change)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        given().header("Authorization", ALICE)
                .when()
                .get(CASES + "/" + id + "/audit")
                .then()
                .body("entries", hasSize(1))
                .body("entries[0].comment", not(equalTo("rewritten")));
    }

    @Test
    void theApiIsDescribedForTheFrontEnd() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/cases/{id}/approve'.post.requestBody.content.'application/json'.schema",
                        notNullValue())
                .body("paths.'/api/v1/cases'.get.parameters.name", hasItem("claimedByMe"))
                .body("paths.'/api/v1/completeness'.get", notNullValue());
    }

    @Test
    void aCaseThatDoesNotExistIs404() {
        given().header("Authorization", ALICE)
                .when()
                .get(CASES + "/350582107-1999-v1")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        act(ALICE, "350582107-1999-v1", "claim", "\"1\"", null).statusCode(404);
    }

    @Test
    void theListFiltersPagesSortsAndCountsPerState() {
        int year = newYear();
        String zimao = open(ZIMAO, year, 1, FEES_WARNING);
        String anhai = open(ANHAI, year, 1);
        String chidian = open(CHIDIAN, year, 1, RULES_WARNING);
        String shenhu = open(SHENHU, year, 1);
        send(validated(JINJING, year, 1, false, List.of(BALANCE_ERROR)));
        String jinjing = awaitCase(JINJING + "-" + year + "-v1");
        open(HUIMENG, year, 1); // another county: never in Jinjiang's lists
        claim(ALICE, anhai);
        claim(BOB, chidian);
        claim(ALICE, shenhu);
        act(ALICE, shenhu, "approve", Map.of()).statusCode(200);

        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalPages", equalTo(1))
                .body("sort", equalTo("updatedAt,desc"))
                .body("items.id", containsInAnyOrder(zimao, anhai, chidian, shenhu, jinjing))
                .body("countsByState.AWAITING_REVIEW", equalTo(1))
                .body("countsByState.IN_REVIEW", equalTo(2))
                .body("countsByState.APPROVED", equalTo(1))
                .body("countsByState.VALIDATION_FAILED", equalTo(1))
                .body("countsByState.RETURNED", equalTo(0))
                .body("countsByState.SUPERSEDED", equalTo(0))
                .body("items[0].id", equalTo(shenhu)); // the latest change first

        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("state", "IN_REVIEW")
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", containsInAnyOrder(anhai, chidian))
                .body("countsByState.AWAITING_REVIEW", equalTo(1)); // the counts ignore the state filter
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("state", "IN_REVIEW,AWAITING_REVIEW")
                .when()
                .get(CASES)
                .then()
                .body("total", equalTo(3));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("state", "IN_REVIEW")
                .queryParam("state", "APPROVED")
                .when()
                .get(CASES)
                .then()
                .body("total", equalTo(3));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("claimedByMe", "true")
                .when()
                .get(CASES)
                .then()
                .body("items.id", contains(anhai));
        given().header("Authorization", BOB)
                .queryParam("year", year)
                .queryParam("claimedByMe", "true")
                .when()
                .get(CASES)
                .then()
                .body("items.id", contains(chidian))
                .body("items[0].claimedBy.subject", equalTo("bob"));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("claimedByMe", "false")
                .when()
                .get(CASES)
                .then()
                .body("total", equalTo(4));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("hasWarnings", "true")
                .when()
                .get(CASES)
                .then()
                .body("items.id", containsInAnyOrder(zimao, chidian));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("hasWarnings", "false")
                .when()
                .get(CASES)
                .then()
                .body("total", equalTo(3));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("township", CHIDIAN)
                .when()
                .get(CASES)
                .then()
                .body("items.id", contains(chidian))
                .body("items[0].organisationName", equalTo(CHIDIAN + "镇人民政府"))
                .body("items[0].countyName", equalTo("晋江市"))
                .body("items[0].warningCount", equalTo(1))
                .body("items[0].etag", notNullValue());

        // sorting and paging
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("sort", "township,asc")
                .queryParam("size", 2)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(anhai, chidian))
                .body("totalPages", equalTo(3))
                .body("total", equalTo(5));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("sort", "township")
                .queryParam("size", 2)
                .queryParam("page", 1)
                .when()
                .get(CASES)
                .then()
                .body("items.id", contains(shenhu, jinjing));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("sort", "-township")
                .queryParam("size", 2)
                .queryParam("page", 2)
                .when()
                .get(CASES)
                .then()
                .body("items.id", contains(anhai));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("sort", "township,desc")
                .queryParam("page", 9)
                .when()
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(5));
        given().header("Authorization", ALICE)
                .queryParam("year", year)
                .queryParam("sort", "warnings,desc")
                .when()
                .get(CASES)
                .then()
                .body("items[0].warningCount", equalTo(1));

        // the province sees both counties
        given().header("Authorization", provinceAdmin())
                .queryParam("year", year)
                .when()
                .get(CASES)
                .then()
                .body("total", equalTo(6));
        given().header("Authorization", provinceAdmin())
                .queryParam("year", year)
                .queryParam("county", MENGJIN)
                .when()
                .get(CASES)
                .then()
                .body("total", equalTo(1))
                .body("items[0].countyCode", equalTo(MENGJIN));
    }

    @Test
    void badListParametersAre400WithAProblem() {
        for (Map.Entry<String, String> bad : Map.of(
                        "sort",
                        "password,asc",
                        "state",
                        "DONE",
                        "size",
                        "1000",
                        "page",
                        "-1",
                        "hasWarnings",
                        "yes",
                        "year",
                        "twenty",
                        "claimedByMe",
                        "1")
                .entrySet()) {
            given().header("Authorization", ALICE)
                    .queryParam(bad.getKey(), bad.getValue())
                    .when()
                    .get(CASES)
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.pointer", hasItem("?" + bad.getKey()));
        }
        given().header("Authorization", ALICE)
                .queryParam("sort", "updatedAt,sideways")
                .when()
                .get(CASES)
                .then()
                .statusCode(400);
    }
}

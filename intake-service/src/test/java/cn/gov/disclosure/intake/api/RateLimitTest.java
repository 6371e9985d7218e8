package cn.gov.disclosure.intake.api;

import static cn.gov.disclosure.intake.api.Townships.submitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A township cannot flood the pipeline: beyond its documents a minute, 429 with Retry-After, in Chinese. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.limits.imports", "3", "intake.limits.versions", "2");
        }
    }

    private static Response dryRun(String token) {
        return given().header("Authorization", token)
                .contentType("text/plain; charset=UTF-8")
                .queryParam("dryRun", true)
                .body("这不是一份年度报告")
                .post("/api/v1/reports/import");
    }

    @Test
    void theFourthDocumentInAMinuteIsRefusedWithRetryAfterAndAnotherTownshipIsNot() {
        String zimao = submitter("350582101");
        for (int i = 0; i < 3; i++) {
            assertThat(dryRun(zimao).statusCode()).as("read %d", i + 1).isNotEqualTo(429);
        }
        Response refused = dryRun(zimao);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("title", containsString("操作过于频繁"))
                .body("detail", containsString("每分钟最多导入文档 3 次"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(dryRun(submitter("350582102")).statusCode())
                .as("another township")
                .isNotEqualTo(429);
    }
}

package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.disclosure.contracts.events.ReviewDecided;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two reviewers (or two clicks) at once: exactly one wins, the other is told the case changed. */
@QuarkusTest
class ConcurrencyTest {

    /** Runs the calls at the same moment; returns their status codes. */
    private static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier start = new CyclicBarrier(calls.size());
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return c.call();
                }));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoApprovalsWithTheSameIfMatchOneSucceedsTheOtherIsRefused() throws Exception {
        int year = newYear();
        String auth = reviewer(JINJIANG, "carol");
        for (String township : List.of(ZIMAO, ANHAI, CHIDIAN)) { // the race, three times over
            String id = open(township, year, 1);
            claim(auth, id);
            String etag = etag(id);
            Callable<Integer> approve =
                    () -> act(auth, id, "approve", etag, Map.of()).extract().statusCode();
            List<Integer> codes = atOnce(List.of(approve, approve));
            assertThat(codes).as(id).containsOnlyOnce(200);
            assertThat(codes).as(id).anySatisfy(c -> assertThat(c).isIn(409, 412));

            given().header("Authorization", auth)
                    .when()
                    .get(CASES + "/" + id + "/audit")
                    .then()
                    .statusCode(200)
                    .body("entries.findAll { it.to == 'APPROVED' }.size()", equalTo(1));
            List<ReviewDecided> decided = decided(township + "-" + year, 1);
            assertThat(decided).as("one decision announced").hasSize(1);
        }
    }

    @Test
    void twoReviewersClaimingAtOnceOneHoldsTheCase() throws Exception {
        int year = newYear();
        String id = open(SHENHU, year, 1);
        String etag = etag(id);
        String dave = reviewer(JINJIANG, "dave");
        String erin = reviewer(JINJIANG, "erin");
        List<Integer> codes = atOnce(List.of(
                () -> act(dave, id, "claim", etag, null).extract().statusCode(),
                () -> act(erin, id, "claim", etag, null).extract().statusCode()));
        assertThat(codes).containsOnlyOnce(200);
        assertThat(codes).anySatisfy(c -> assertThat(c).isIn(409, 412));
        String holder = given().header("Authorization", dave)
                .when()
                .get(CASES + "/" + id)
                .then()
                .body("state", equalTo("IN_REVIEW"))
                .extract()
                .path("claimedBy.subject");
        assertThat(holder).isEqualTo(codes.get(0) == 200 ? "dave" : "erin");
    }
}

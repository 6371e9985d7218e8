package cn.gov.disclosure.portal.sim.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The Quarkus app (local stack) serves the same core. */
@QuarkusTest
class PortalSimulatorAppTest {

    @Test
    void publishesAndServesThePage() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        String body = "{\"version\":1,\"organisationCode\":\"360982103\",\"organisationName\":\"樟树市昌傅镇\",\"year\":2021,"
                + "\"title\":\"t\",\"approvedAt\":\"2022-01-20T10:00:00+08:00\",\"html\":\"<p>昌傅镇</p>\",\"pdf\":\""
                + pdf
                + "\",\"data\":{\"year\":2021}}";
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "360982103/2021/1")
                .body(body)
                .when()
                .put("/api/reports/360982103/2021")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("publicUrl", endsWith("/reports/360982103/2021"));
        given().when().get("/reports/360982103/2021").then().statusCode(200).body(equalTo("<p>昌傅镇</p>"));
        given().contentType(ContentType.JSON)
                .body("{\"mode\":\"down\"}")
                .when()
                .post("/admin/failures")
                .then()
                .statusCode(200)
                .body("mode", equalTo("down"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "360982103/2021/1")
                .body(body)
                .when()
                .put("/api/reports/360982103/2021")
                .then()
                .statusCode(503);
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/admin/reset")
                .then()
                .statusCode(200);
        given().when().get("/admin/received").then().statusCode(200).body("total", equalTo(0));
    }
}

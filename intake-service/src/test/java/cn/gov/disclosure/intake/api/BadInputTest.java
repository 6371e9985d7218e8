package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem+json answer and leaves nothing stored and nothing sent. */
@QuarkusTest
class BadInputTest {

    /** A township of 晋江市 that no other test submits for. */
    private static final String ANHAI = "350582101";

    private static String auth() {
        return Townships.submitter(ANHAI);
    }

    @AfterEach
    void nothingWasStoredOrSent() {
        given().header("Authorization", auth())
                .when()
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        assertThat(KafkaProbe.readAll(
                        Topics.REPORT_SUBMITTED,
                        r -> r.key() != null && r.key().startsWith(ANHAI),
                        Duration.ofMillis(500)))
                .isEmpty();
    }

    @Test
    void malformedJson() {
        given().header("Authorization", auth())
                .contentType(ContentType.JSON)
                .body("{\"year\": 2020, ")
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("title", notNullValue())
                .body("titleEn", notNullValue())
                .body("status", equalTo(400));
    }

    @Test
    void aWrongTypeIsNamedByItsJsonPointer() {
        String body = GoldenSeeds.json(3)
                .replaceFirst(
                        "\"newReceived\"\\s*:\\s*\\{\\s*\"naturalPerson\"\\s*:\\s*0",
                        "\"newReceived\": {\"naturalPerson\": \"zero\"");
        assertThat(body).contains("\"zero\"");
        given().header("Authorization", auth())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.pointer", hasItem("/applications/newReceived/naturalPerson"));
    }

    @Test
    void anUnknownTemplate() {
        String body = GoldenSeeds.json(3).replaceFirst("\"template\"\\s*:\\s*\"2019\"", "\"template\": \"2030\"");
        given().header("Authorization", auth())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors.pointer", hasItem("/template"));
    }

    @Test
    void aYearInTheFuture() {
        String body = GoldenSeeds.json(3).replaceFirst("\"year\"\\s*:\\s*2020", "\"year\": 2999");
        given().header("Authorization", auth())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/year"))
                .body("errors.message[0]", containsString("将来"));
    }

    @Test
    void aReportWithoutSectionsOrTables() {
        given().header("Authorization", auth())
                .contentType(ContentType.JSON)
                .body("{\"organisationName\": \"安海镇\", \"year\": 2020, \"template\": \"2019\"}")
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/sections"));
    }

    @Test
    void anUnknownField() {
        String body = GoldenSeeds.json(3).replaceFirst("\\{", "{\"hacker\": true, ");
        given().header("Authorization", auth())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // announce 6 MiB and send none of it: the answer must come from the Content-Length alone
        URL url = new URL(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/v1/reports/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth()
                    + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: " + (6 * 1024 * 1024)
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            assertThat(head.toString())
                    .startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @Test
    void aDocxThatIsNotOne() {
        given().header("Authorization", auth())
                .contentType(ImportResource.DOCX)
                .body("not a word file".getBytes())
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void textWithNoRecognisableTables() {
        given().header("Authorization", auth())
                .contentType("text/plain; charset=UTF-8")
                .body("安海镇2020年政府信息公开工作年度报告\n一、总体情况\n我镇认真落实。\n")
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.size()", Matchers.greaterThan(0));
    }

    @Test
    void textInNoKnownEncoding() {
        // neither UTF-8 nor GB18030 nor UTF-16: refused in Chinese, saying what to do
        given().header("Authorization", auth())
                .contentType("text/plain")
                .body(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1})
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("编码"))
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void anImageIsRefusedWithTheAcceptedFormats() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        given().header("Authorization", auth())
                .contentType("image/png")
                .body(png)
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("图片"))
                .body("detail", containsString(".docx"))
                .body("detail", containsString("PDF"));
    }

    @Test
    void aWpsFileIsRefusedSayingSaveAsDocx() throws Exception {
        // an OLE2 compound file without a WordDocument stream, as WPS Office writes .wps
        var fs = new POIFSFileSystem();
        fs.createDocument(new ByteArrayInputStream(new byte[600]), "WpsContent");
        var out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        given().header("Authorization", auth())
                .contentType("application/octet-stream")
                .body(out.toByteArray())
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(415)
                .body("detail", containsString("另存为 .docx"));
    }
}

package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/**
 * The import endpoint takes the documents clerks really have — a PDF, the portal's HTML page, a Word 97 .doc, text in
 * GB18030 — told from their bytes whatever the Content-Type says, and stores each cell's provenance with the version.
 */
@QuarkusTest
class DocumentFormatsTest {

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DocumentFormatsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode dryRun(String org, String contentType, byte[] body) throws IOException {
        String json = given().header("Authorization", Townships.submitter(org))
                .contentType(contentType)
                .body(body)
                .when()
                .post("/api/v1/reports/import?dryRun=true")
                .then()
                .statusCode(200)
                .extract()
                .body()
                .asString();
        return ContractsJson.mapper().readTree(json);
    }

    @Test
    void aRealPdfWithATextLayer() throws Exception {
        JsonNode answer = dryRun(Townships.SHENHU, "application/pdf", resource("real/huaian-city-2024.pdf"));
        assertThat(answer.path("format").asText()).isEqualTo("pdf");
        assertThat(answer.at("/report/applications/newReceived/total").asInt()).isEqualTo(3119);
        assertThat(answer.at("/report/reviewsAndLitigation/administrativeReconsideration/total")
                        .asInt())
                .isEqualTo(351);
        // every cell of Table 3 (25 rows × 7) and Table 4 (15) says where it came from
        assertThat(answer.path("provenance").size()).isGreaterThanOrEqualTo(25 * 7 + 15);
    }

    @Test
    void aPortalsHtmlPageSentAsOctetStream() throws Exception {
        JsonNode answer =
                dryRun(Townships.SHENHU, "application/octet-stream", resource("real/pingtan-haitan-2023.html"));
        assertThat(answer.path("format").asText()).isEqualTo("html");
        assertThat(answer.at("/report/organisationName").asText()).isEqualTo("平潭综合实验区海坛片区管理局");
        assertThat(answer.at("/report/applications/newReceived/total").asInt()).isZero();
    }

    @Test
    void aWord97DocumentGivesTheGoldenReport() throws Exception {
        JsonNode answer = dryRun(Townships.SHENHU, "application/msword", resource("seed-documents/seed-3.doc"));
        assertThat(answer.path("format").asText()).isEqualTo("doc");
        AnnualReport read = ContractsJson.mapper().treeToValue(answer.get("report"), AnnualReport.class);
        assertThat(read).isEqualTo(GoldenSeeds.load(3));
    }

    @Test
    void notepadsGb18030TextSentAsPlainText() throws Exception {
        byte[] gbk = GoldenSeeds.seedText(0).getBytes(Charset.forName("GB18030"));
        JsonNode answer = dryRun(Townships.SHENHU, "text/plain", gbk);
        AnnualReport read = ContractsJson.mapper().treeToValue(answer.get("report"), AnnualReport.class);
        assertThat(read).isEqualTo(GoldenSeeds.load(0));
    }

    @Test
    void anImportedVersionKeepsItsProvenanceAndFormat() throws Exception {
        byte[] doc = resource("seed-documents/seed-1.doc");
        given().header("Authorization", Townships.submitter(Townships.NANKOU))
                .contentType("application/msword")
                .body(doc)
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(202)
                .body("reportId", equalTo(Townships.NANKOU + "-2020"));
        given().header("Authorization", Townships.submitter(Townships.NANKOU))
                .when()
                .get("/api/v1/reports/" + Townships.NANKOU + "-2020")
                .then()
                .statusCode(200)
                .body("versions.source", hasItem("DOC"));
        String json = given().header("Authorization", Townships.submitter(Townships.NANKOU))
                .when()
                .get("/api/v1/reports/" + Townships.NANKOU + "-2020/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .body()
                .asString();
        JsonNode provenance = ContractsJson.mapper().readTree(json).path("provenance");
        assertThat(provenance.size()).isGreaterThan(100);
        assertThat(provenance.get(0).path("line").asInt()).isPositive();
        assertThat(provenance.get(0).path("reading").asText()).isEqualTo("WRITTEN");
    }

    @Test
    void aScannedPdfIsRefusedAskingForTheWordFile() throws Exception {
        byte[] scan;
        try (var pdf = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            pdf.save(out);
            scan = out.toByteArray();
        }
        given().header("Authorization", Townships.submitter(Townships.SHENHU))
                .contentType("application/pdf")
                .body(scan)
                .when()
                .post("/api/v1/reports/import?dryRun=true")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("扫描件"))
                .body("detail", containsString(".docx"));
    }

    @Test
    void aDamagedPdfIsNoServerError() {
        given().header("Authorization", Townships.submitter(Townships.SHENHU))
                .contentType("application/pdf")
                .body("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes())
                .when()
                .post("/api/v1/reports/import?dryRun=true")
                .then()
                .statusCode(422)
                .body("detail", containsString("PDF"));
    }
}

package cn.gov.disclosure.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Townships send the text of the report they have; intake reads it into the contracts model. */
@QuarkusTest
class ImportTest {

    @Test
    void aDryRunShowsTheReportReadFromTheTextAndStoresNothing() throws Exception {
        String json = given().header("Authorization", Townships.submitter(Townships.SHENHU))
                .contentType("text/plain; charset=UTF-8")
                .body(GoldenSeeds.seedText(0))
                .when()
                .post("/api/v1/reports/import?dryRun=true")
                .then()
                .statusCode(200)
                .extract()
                .body()
                .asString();
        AnnualReport read = ContractsJson.mapper()
                .treeToValue(ContractsJson.mapper().readTree(json).get("report"), AnnualReport.class);
        assertThat(read).isEqualTo(GoldenSeeds.load(0));
        given().header("Authorization", Townships.submitter(Townships.SHENHU))
                .when()
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void importingTheTextSubmitsItWithTheImportersNotes() {
        given().header("Authorization", Townships.submitter(Townships.HUIMENG))
                .contentType("text/plain; charset=UTF-8")
                .body(GoldenSeeds.seedText(4))
                .when()
                .post("/api/v1/reports/import")
                .then()
                .statusCode(202)
                .body("reportId", equalTo(Townships.HUIMENG + "-2021"))
                .body("importNotes.size()", Matchers.greaterThan(0));
        given().header("Authorization", Townships.submitter(Townships.HUIMENG))
                .when()
                .get("/api/v1/reports/" + Townships.HUIMENG + "-2021")
                .then()
                .statusCode(200)
                .body("versions.source", hasItem("TEXT"));
    }

    @Test
    void everySeedIsReadable() {
        for (int seed = 0; seed < 5; seed++) {
            given().header("Authorization", Townships.submitter(Townships.SEED_ORGS[seed]))
                    .contentType("text/plain; charset=UTF-8")
                    .body(GoldenSeeds.seedText(seed))
                    .when()
                    .post("/api/v1/reports/import?dryRun=true")
                    .then()
                    .statusCode(200)
                    .body("report.sections", Matchers.not(hasSize(0)));
        }
    }
}

package cn.gov.disclosure.intake.api;

import static cn.gov.disclosure.intake.api.Townships.provinceAdmin;
import static cn.gov.disclosure.intake.api.Townships.submitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.EventPayload;
import cn.gov.disclosure.contracts.events.HistoryImported;
import cn.gov.disclosure.contracts.events.Topics;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * History from day one, with real published documents (test resources real/, figures read by hand in its
 * README): a PDF and a portal page loaded by the province are announced as history imported with their figures; what
 * is ambiguous or names another organ is listed for a person and announced not; a township starts its next year from
 * the history.
 */
@QuarkusTest
class HistoryTest {

    private static byte[] document(String name) {
        try (InputStream in = HistoryTest.class.getResourceAsStream("/real/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse load(String organisation, int year, String file) {
        return given().header("Authorization", provinceAdmin())
                .contentType("application/octet-stream")
                .queryParam("organisation", organisation)
                .queryParam("year", year)
                .queryParam("name", file)
                .body(document(file))
                .post("/api/v1/history")
                .then();
    }

    private static HistoryImported announced(String reportId) {
        List<ConsumerRecord<String, String>> records =
                KafkaProbe.readAll(Topics.HISTORY_IMPORTED, r -> reportId.equals(r.key()), Duration.ofSeconds(3));
        assertThat(records).as("history imported of " + reportId).isNotEmpty();
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        Map<String, String> headers = new HashMap<>();
        for (Header h : last.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        EventEnvelope<EventPayload> e = EventCodec.read(headers, last.value());
        return (HistoryImported) e.data();
    }

    @Test
    void aRealPdfIsLoadedAsTheOrganisationsHistoryAndAnnouncedWithItsFigures() {
        JsonPath body = load("320800", 2024, "huaian-city-2024.pdf")
                .statusCode(201)
                .body("status", equalTo("IMPORTED"))
                .body("reportId", equalTo("320800-2024"))
                .extract()
                .jsonPath();
        assertThat(body.getString("organisationName")).isEqualTo("淮安市人民政府");

        HistoryImported h = announced("320800-2024");
        assertThat(h.version()).isZero();
        assertThat(h.year()).isEqualTo(2024);
        assertThat(h.sourceName()).isEqualTo("huaian-city-2024.pdf");
        assertThat(h.sourceSha256()).hasSize(64);
        assertThat(h.importedBy()).isEqualTo("province-admin");
        // the figures read by hand from the document
        assertThat(h.report().applications().value("newReceived", "total")).isEqualByComparingTo("3119");
        assertThat(h.report().applications().value("carriedOver", "total")).isEqualByComparingTo("34");
        assertThat(h.report().applications().value("carriedForward", "total")).isEqualByComparingTo("103");
        assertThat(h.report().reviewsAndLitigation().value("administrativeReconsideration", "total"))
                .isEqualByComparingTo("351");

        // listed for the province; loading it again replaces it (one current history a year)
        load("320800", 2024, "huaian-city-2024.pdf").statusCode(201);
        List<Map<String, Object>> year = given().header("Authorization", provinceAdmin())
                .queryParam("year", 2024)
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.organisationCode == '320800' }");
        assertThat(year).extracting(m -> m.get("status")).startsWith("IMPORTED").contains("REPLACED");
        assertThat(year.stream().filter(m -> "IMPORTED".equals(m.get("status"))))
                .hasSize(1);
    }

    @Test
    void aPortalPageIsLoadedAndTheTownshipStartsItsNextYearFromIt() {
        load("350128100", 2023, "pingtan-haitan-2023.html").statusCode(201).body("status", equalTo("IMPORTED"));
        HistoryImported h = announced("350128100-2023");
        assertThat(h.organisationName()).isEqualTo("平潭综合实验区海坛片区管理局");
        assertThat(h.report().applications().value("newReceived", "total")).isEqualByComparingTo(BigDecimal.ZERO);

        given().header("Authorization", submitter("350128100"))
                .queryParam("year", 2024)
                .get("/api/v1/reports/prefill")
                .then()
                .statusCode(200)
                .body("basedOnReportId", equalTo("350128100-2023"))
                .body("basedOnVersion", equalTo(0))
                .body("report.year", equalTo(2024))
                .body("report.applications.carriedOver.total", equalTo(0));
    }

    @Test
    void aDocumentOfAnotherOrganOrAnAmbiguousOneIsListedNotAnnounced() {
        // 海坛片区's page loaded as 紫帽镇's history: the document names another organ
        load("350582107", 2023, "pingtan-haitan-2023.html")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("平潭综合实验区海坛片区管理局"))
                .body("detail", containsString("待处理清单"));
        // the crawler's text: Table 2's 行政规范性文件 has more than one reading, and the answer names the row
        load("350128", 2021, "pingtan-zone-2021.crawler.txt")
                .statusCode(422)
                .body("errors.message.join(' ')", containsString("规范性文件"));

        List<Map<String, Object>> listed2023 = given().header("Authorization", provinceAdmin())
                .queryParam("year", 2023)
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.organisationCode == '350582107' }");
        assertThat(listed2023).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("status")).isEqualTo("NEEDS_ATTENTION");
            assertThat((String) m.get("problemZh")).contains("不符");
        });
        List<ConsumerRecord<String, String>> none = KafkaProbe.readAll(
                Topics.HISTORY_IMPORTED,
                r -> r.key().equals("350582107-2023") || r.key().equals("350128-2021"),
                Duration.ofSeconds(2));
        assertThat(none).as("nothing announced for what needs a person").isEmpty();
    }

    @Test
    void onlyTheProvinceLoadsHistoryAndItNeedsAnOrganisationAndAPastYear() {
        given().header("Authorization", submitter("350582107"))
                .contentType("application/octet-stream")
                .queryParam("organisation", "350582107")
                .queryParam("year", 2023)
                .body(document("pingtan-haitan-2023.html"))
                .post("/api/v1/history")
                .then()
                .statusCode(403);
        load("999999999", 2023, "pingtan-haitan-2023.html")
                .statusCode(400)
                .body("errors[0].message", containsString("999999999"));
        load("350128100", 2999, "pingtan-haitan-2023.html").statusCode(400);
    }
}

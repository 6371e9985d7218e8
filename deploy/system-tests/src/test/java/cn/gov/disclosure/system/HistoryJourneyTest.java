package cn.gov.disclosure.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * History from day one across the platform: the province loads two real published reports (淮安市's PDF of 2024 and
 * 海坛片区's portal page of 2023, intake's test documents) through intake; each organ then starts its next year from the
 * history, states a 二、上年结转 that does not match the history's 四、结转下年度继续办理, and validation's cross-year check
 * says so — it had last year's report from the history alone.
 */
@Order(2)
class HistoryJourneyTest {

    private static final Path DOCUMENTS = Path.of("intake-service/src/test/resources/real");

    @Test
    void theNextYearsCrossYearChecksUseTheHistoryLoadedFromARealPdfAndAPortalPage() throws IOException {
        LocalPlatform platform = SharedPlatform.get();
        PlatformClient client = new PlatformClient(platform);
        String admin = platform.oidc().token("province-admin", "province-admin", "350000");

        assertThat(load(platform, client, admin, "320800", 2024, "huaian-city-2024.pdf")
                        .status())
                .isEqualTo(201);
        assertThat(load(platform, client, admin, "350128100", 2023, "pingtan-haitan-2023.html")
                        .status())
                .isEqualTo(201);

        List<String> huaian = nextYearsCodes(platform, client, "320800", 2025, 100);
        assertThat(huaian).contains("PREV-CARRIED-OVER").doesNotContain("PREV-YEAR-UNAVAILABLE");
        List<String> haitan = nextYearsCodes(platform, client, "350128100", 2024, 5);
        assertThat(haitan).contains("PREV-CARRIED-OVER").doesNotContain("PREV-YEAR-UNAVAILABLE");
    }

    private static Http.Answer load(
            LocalPlatform platform, PlatformClient client, String token, String organisation, int year, String file)
            throws IOException {
        byte[] document =
                Files.readAllBytes(platform.repoDir().resolve(DOCUMENTS).resolve(file));
        return client.http()
                .send(HttpRequest.newBuilder(URI.create(platform.url("intake") + "/api/v1/history?organisation="
                                + organisation + "&year=" + year + "&name=" + file))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                        .build());
    }

    /**
     * The organ's next year started from its history (prefill), 二、上年结转 总计 set to {@code carriedOver}, submitted;
     * the rule codes validation found.
     */
    private static List<String> nextYearsCodes(
            LocalPlatform platform, PlatformClient client, String organisation, int year, int carriedOver) {
        String token = client.townshipToken(organisation);
        Http.Answer prefill = client.http().get(platform.url("intake") + "/api/v1/reports/prefill?year=" + year, token);
        assertThat(prefill.status()).as(prefill.toString()).isEqualTo(200);
        assertThat(prefill.json().path("basedOnVersion").asInt())
                .as("started from the history")
                .isZero();
        ObjectNode report = (ObjectNode) prefill.json().path("report");
        ((ObjectNode) report.path("applications").path("carriedOver")).put("total", carriedOver);
        Http.Answer submitted = client.submitJson(organisation, report, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String reportId = submitted.json().path("reportId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode findings = client.report(organisation, reportId)
                    .path("versions")
                    .path(0)
                    .path("findings");
            if (findings.isArray() && !findings.isEmpty()) {
                List<String> codes = new ArrayList<>();
                findings.forEach(f -> codes.add(f.path("code").asText()));
                return codes;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(reportId + " not validated within 60 s");
    }
}

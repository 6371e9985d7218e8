package cn.gov.disclosure.intake.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.infra.browser.BrowserTest;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import cn.gov.disclosure.infra.oidc.TestOidcProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The townships' workspace (/workspace/, static files of this service) in a real browser: Debian's Chromium driven by
 * Playwright. The clerk signs in at {@link TestOidcProvider} (authorization code + PKCE, done by the page), uploads
 * the Word 97 file of seed 000, sees every cell with where it came from, corrects one, submits, and follows the
 * version as validation and the county report it (their events sent through Kafka). Screenshots go to
 * target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(value = TestOidcProvider.class, restrictToAnnotatedClass = false)
class WorkspaceTest extends BrowserTest {

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    void signIn(String user) {
        page.navigate(base() + "/workspace/");
        page.locator("#sign-in").click();
        page.waitForURL("**/protocol/openid-connect/auth**");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(base() + "/workspace/**");
        assertThat(page.locator("#user-name")).containsText(user);
    }

    private static void send(EventEnvelope<?> e) {
        KafkaProbe.send(e.topic(), e.key(), e.headers(), EventCodec.payloadJson(e.data()));
    }

    @Test
    void aClerkUploadsCorrectsSubmitsAndFollowsTheReport() {
        signIn("zimao");
        LocalDate today = LocalDate.now();
        int filed = today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
        assertThat(page.locator("#this-year h2")).containsText(filed + " 年度");
        assertThat(page.locator("#this-year .deadline")).containsText((filed + 1) + " 年 1 月 31 日");

        page.locator("#nav a[data-nav='upload']").click();
        page.locator("#file").setInputFiles(Paths.get("src", "test", "resources", "seed-documents", "seed-0.doc"));
        page.locator("#read").click();

        // what was read: the tables of the catalogue, every figure with its line and raw text
        var golden = GoldenSeeds.load(0);
        Locator total = page.locator("#cell-3-newReceived-total");
        assertThat(total.locator("input"))
                .hasValue(golden.applications().value("newReceived", "total").toPlainString());
        assertThat(total).hasAttribute("title", Pattern.compile(".*第 \\d+ 行：「\\d+」.*按原文读取.*", Pattern.DOTALL));
        assertThat(page.locator("#table-4 caption")).containsText("行政复议");
        assertThat(page.locator("#preview")).not().containsText("newReceived");

        // the clerk corrects a figure: the cell is marked, the report goes in as the form holds it
        Locator rulesCell =
                page.locator("#table-2 tr[data-row='rules'] td.cell").first();
        String column = rulesCell.getAttribute("id").substring("cell-2-rules-".length());
        Locator issued = rulesCell.locator("input");
        String before = issued.inputValue();
        String after = "0".equals(before) ? "1" : "0";
        issued.fill(after);
        issued.press("Tab");
        assertThat(rulesCell).hasClass(Pattern.compile(".*edited.*"));
        // no validation service in this test: the checks say so in Chinese, and do not block the submission
        assertThat(page.locator("#checks-unavailable")).containsText("暂时无法预校验");
        assertThat(page.locator("#checks").textContent())
                .doesNotContain("fetch")
                .doesNotContain("Failed");
        shot("workspace-preview");
        page.locator("#submit").click();

        String reportId = Townships.ZIMAO + "-2020";
        page.waitForURL("**/workspace/#/report/" + reportId);
        assertThat(page.locator("#banner")).containsText("已提交第");
        Locator latest = page.locator("#versions li").first();
        assertThat(latest).containsText("校验中");
        int version = Integer.parseInt(latest.getAttribute("data-version"));
        assertThat(RestAssured.given()
                        .header("Authorization", Townships.submitter(Townships.ZIMAO))
                        .get("/api/v1/reports/" + reportId + "/versions/" + version)
                        .then()
                        .extract()
                        .<Integer>path("report.activeDisclosure.rules." + column))
                .isEqualTo(Integer.parseInt(after));
        // it went in as the workspace's draft: the document's provenance kept, the changed figure marked as the clerk's
        var stored = RestAssured.given()
                .header("Authorization", Townships.submitter(Townships.ZIMAO))
                .get("/api/v1/reports/" + reportId + "/versions/" + version)
                .then()
                .extract()
                .jsonPath();
        assertThat(stored.getString("source")).isEqualTo("WORKSPACE");
        assertThat(stored.getString(
                        "provenance.find { it.table == 'activeDisclosure' && it.row == 'rules' && it.column == '"
                                + column + "' }.reading"))
                .isEqualTo("CORRECTED");
        assertThat(stored.getString("provenance.find { it.row == 'newReceived' && it.column == 'total' }.reading"))
                .isEqualTo("WRITTEN");

        // validation passes, the county returns it with a comment: the clerk sees both
        OffsetDateTime now = OffsetDateTime.now();
        send(EventEnvelope.of(
                "/test",
                new ReportValidated(
                        reportId,
                        version,
                        Townships.ZIMAO,
                        "晋江市紫帽镇人民政府",
                        "350582",
                        2020,
                        now,
                        true,
                        List.of(),
                        now,
                        golden)));
        page.waitForCondition(
                () -> {
                    page.reload();
                    return page.locator("#versions li").first().textContent().contains("待审核");
                },
                new Page.WaitForConditionOptions().setTimeout(20_000));
        send(EventEnvelope.of(
                "/test",
                new ReviewDecided(
                        reportId,
                        version,
                        Townships.ZIMAO,
                        "晋江市紫帽镇人民政府",
                        "350582",
                        2020,
                        ReviewDecided.Decision.RETURNED,
                        "表二规章一行请核对后重新报送",
                        "reviewer",
                        now,
                        golden,
                        List.of(),
                        List.of(),
                        List.of())));
        page.waitForCondition(
                () -> {
                    page.reload();
                    return page.locator("#versions li").first().textContent().contains("已退回");
                },
                new Page.WaitForConditionOptions().setTimeout(20_000));
        assertThat(page.locator("#versions li .comment").first()).containsText("表二规章一行请核对后重新报送");
        assertThat(page.locator("#versions li").first()).containsText("在此版本上修改后重新提交");
        shot("workspace-report");
        String text = page.locator("main").textContent();
        assertThat(text).doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}").doesNotContain("RETURNED");

        // home shows the report among the earlier years, in words
        page.locator("#nav a[data-nav='home']").click();
        assertThat(page.locator("#earlier")).containsText("2020 年度");
        assertThat(page.locator("#earlier")).containsText("已退回");
    }

    @Test
    void aClerkStartsFromLastYearsApprovedReportWithTheCarriedFigures() throws Exception {
        LocalDate today = LocalDate.now();
        int filed = today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
        int last = filed - 1;
        // last year's report of 昌傅镇 (seed 002's figures), approved by the county
        var mapper = ContractsJson.mapper();
        var tree = (ObjectNode) mapper.readTree(Townships.seedAs(2, "樟树市昌傅镇", ""));
        tree.put("year", last);
        String reportId = Townships.CHANGFU + "-" + last;
        int version = RestAssured.given()
                .header("Authorization", Townships.submitter(Townships.CHANGFU))
                .contentType("application/json")
                .body(mapper.writeValueAsString(tree))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("version");
        var golden = GoldenSeeds.load(2);
        OffsetDateTime now = OffsetDateTime.now();
        send(EventEnvelope.of(
                "/test",
                new ReviewDecided(
                        reportId,
                        version,
                        Townships.CHANGFU,
                        "樟树市昌傅镇",
                        "360982",
                        last,
                        ReviewDecided.Decision.APPROVED,
                        null,
                        "reviewer",
                        now,
                        golden,
                        List.of(),
                        List.of(),
                        List.of())));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "APPROVED"
                        .equals(RestAssured.given()
                                .header("Authorization", Townships.submitter(Townships.CHANGFU))
                                .get("/api/v1/reports/" + reportId)
                                .then()
                                .extract()
                                .path("state")));

        signIn("changfu");
        page.navigate(base() + "/workspace/#/upload");
        page.locator("#from-last-year").click();
        assertThat(page.locator("#notes")).containsText(last + " 年度第 " + version + " 版");
        // 二、上年结转 = last year's 四、结转下年度继续办理, column by column; 现行有效件数 carried; the rest left to fill
        golden.applications()
                .rows()
                .get("carriedForward")
                .forEach((column, cell) -> assertThat(page.locator("#cell-3-carriedOver-" + column + " input"))
                        .hasValue(cell.value().toPlainString()));
        assertThat(page.locator("#cell-3-newReceived-total input")).hasValue("");
        golden.activeDisclosure().rows().forEach((row, cells) -> {
            if (cells.containsKey("inForce")) {
                assertThat(page.locator("#cell-2-" + row + "-inForce input"))
                        .hasValue(cells.get("inForce").value().toPlainString());
                assertThat(page.locator("#cell-2-" + row + "-issued input")).hasValue("");
            }
        });
        assertThat(page.locator("#section-overview")).hasValue("");
        page.locator("#section-overview").fill(filed + "年，我镇认真落实政府信息公开条例。");
        page.locator("#cell-3-newReceived-naturalPerson input").fill("5");
        page.locator("#cell-3-newReceived-naturalPerson input").press("Tab");
        shot("workspace-from-last-year");

        // the draft is kept: the clerk leaves and comes back to it; it is no version (the county sees nothing)
        page.locator("#save-draft").click();
        assertThat(page.locator("#banner")).containsText("草稿已保存");
        page.navigate(base() + "/workspace/#/");
        page.reload();
        assertThat(page.locator("#draft")).containsText("继续填写");
        page.locator("#draft a").click();
        assertThat(page.locator("#section-overview")).hasValue(filed + "年，我镇认真落实政府信息公开条例。");
        assertThat(page.locator("#cell-3-newReceived-naturalPerson input")).hasValue("5");
        String carried = golden.applications().value("carriedForward", "total").toPlainString();
        assertThat(page.locator("#cell-3-carriedOver-total input")).hasValue(carried);
        assertThat(RestAssured.given()
                        .header("Authorization", Townships.submitter(Townships.CHANGFU))
                        .get("/api/v1/reports/" + Townships.CHANGFU + "-" + filed)
                        .statusCode())
                .isEqualTo(404);
        assertThat(RestAssured.given()
                        .header("Authorization", Townships.submitter(Townships.ZIMAO))
                        .get("/api/v1/drafts/" + filed)
                        .statusCode())
                .isEqualTo(404);

        // a year's report can be submitted once the year has ended (in December it is prepared as a draft)
        if (filed >= today.getYear()) {
            assertThat(page.locator("#submit")).isDisabled();
            assertThat(page.locator("#not-yet")).containsText((filed + 1) + " 年 1 月 1 日起提交");
        } else {
            page.locator("#submit").click();
            page.waitForURL("**/workspace/#/report/" + Townships.CHANGFU + "-" + filed);
            assertThat(page.locator("#versions li").first()).containsText("校验中");
            assertThat(RestAssured.given()
                            .header("Authorization", Townships.submitter(Townships.CHANGFU))
                            .get("/api/v1/drafts/" + filed)
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aClerkWithoutLastYearsReportStartsFromTheBlankTemplate() {
        signIn("shenhu");
        page.navigate(base() + "/workspace/#/upload");
        page.locator("#from-blank").click();
        LocalDate today = LocalDate.now();
        int filed = today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
        assertThat(page.locator("#preview h2")).containsText("晋江市深沪镇人民政府" + filed + "年政府信息公开工作年度报告");
        assertThat(page.locator("#preview")).containsText(filed <= 2020 ? "2019 版" : "2021 版");
        assertThat(page.locator("#preview textarea.section-text")).hasCount(6);
        assertThat(page.locator("#section-overview")).hasValue("");
        assertThat(page.locator("#cell-3-newReceived-total input")).hasValue("");
        assertThat(page.locator("#table-4 caption")).containsText("行政复议");
    }

    @Test
    void theSessionOutlivesItsAccessTokens() {
        // 平乐镇's access tokens live 8 seconds (TestOidcProvider): the page renews them with the refresh token
        signIn("pingle");
        assertThat(page.locator("#this-year")).containsText("年度");
        String first =
                (String) page.evaluate("() => JSON.parse(sessionStorage.getItem('/workspace/tokens')).accessToken");
        page.waitForTimeout(10_000);
        page.locator("#nav a[data-nav='upload']").click();
        assertThat(page.locator("#from-last-year")).isVisible();
        page.locator("#nav a[data-nav='home']").click();
        assertThat(page.locator("#this-year")).containsText("尚未报送");
        assertThat(page.url()).startsWith(base() + "/workspace/");
        String now =
                (String) page.evaluate("() => JSON.parse(sessionStorage.getItem('/workspace/tokens')).accessToken");
        assertThat(now).isNotEqualTo(first);
        assertThat(page.locator("#sign-in")).hasCount(0);
    }

    @Test
    void aDocumentThatCannotBeReadIsExplainedInChinese() {
        signIn("shenhu");
        page.navigate(base() + "/workspace/#/upload");
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "scan.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}));
        page.locator("#read").click();
        assertThat(page.locator("#read-error")).containsText("图片");
        assertThat(page.locator("#read-error")).containsText(".docx");
    }

    @Test
    void aCountyReviewerIsSentToTheReviewersPage() {
        signIn("jinjiang");
        assertThat(page.locator("#wrong-role")).containsText("县级审核人员");
        assertThat(page.locator("#go-review")).hasAttribute("href", Pattern.compile(".*/admin/.*"));
        assertThat(page.locator("#nav")).isHidden();
    }
}

package cn.gov.disclosure.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.infra.browser.BrowserTest;
import cn.gov.disclosure.infra.browser.Chromium;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A township clerk's year in the real platform, in Debian's Chromium: every service a process, the pages served by
 * intake (/workspace/) and review (/admin/), sign-in at the platform's OIDC provider (code flow with PKCE). The clerk
 * of 深沪镇 uploads the Word file, sees the checks of the validation service as they edit (its dry run, called by the
 * page across origins), submits; the county returns it (through the API) with a comment; the clerk reads it, revises
 * the returned version on the form and submits again; the county approves; the clerk finds it published with its
 * portal link. On the way the county's reviewer sees, on the case page, which figures the clerk changed.
 */
@Order(2)
class WorkspaceJourneyTest extends BrowserTest {

    private static final String SHENHU = "350582104";
    private static final String COUNTY = "350582";
    private static final String REPORT = SHENHU + "-2020";
    private static final Path DOCUMENT = Path.of("src", "test", "resources", "documents", "shenhu-2020.docx");

    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startThePlatform() {
        platform = SharedPlatform.get();
        client = new PlatformClient(platform);
    }

    private static String workspace() {
        return platform.url("intake") + "/workspace/";
    }

    private void signIn(Page p, String url, String user) {
        p.navigate(url);
        p.locator("#sign-in").click();
        p.waitForURL("**/protocol/openid-connect/auth**");
        p.locator("#username").fill(user);
        p.locator("#password").fill(user);
        p.locator("#kc-login").click();
        p.waitForURL(url.replaceAll("#.*", "") + "**");
        assertThat(p.locator("#user-name")).containsText(user);
    }

    /** Reloads the report's page until its latest version shows {@code text}. */
    private void awaitLatest(String text) {
        page.waitForCondition(
                () -> {
                    page.reload();
                    Locator latest = page.locator("#versions li").first();
                    latest.waitFor();
                    return latest.textContent().contains(text);
                },
                new Page.WaitForConditionOptions().setTimeout(90_000));
    }

    private static JsonNode awaitCase(String id, String state) {
        long end = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < end) {
            Optional<JsonNode> c = client.reviewCase(COUNTY, id);
            if (c.isPresent() && c.get().path("state").asText().equals(state)) {
                return c.get();
            }
            sleep();
        }
        throw new AssertionError("case " + id + " never " + state + ": " + client.reviewCase(COUNTY, id));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClerkFilesCorrectsIsReturnedRevisesAndSeesTheReportPublished() {
        signIn(page, workspace(), "shenhu");
        page.locator("#nav a[data-nav='upload']").click();
        page.locator("#file").setInputFiles(DOCUMENT);
        page.locator("#read").click();

        // what was read, and the validation service's checks beside it: warnings, no error
        Locator summary = page.locator("#checks-summary");
        assertThat(summary).containsText("没有错误");
        assertThat(page.locator("#check-list")).containsText("91条");
        assertThat(page.locator("#submit")).isEnabled();
        String checks = page.locator("#checks").textContent();
        assertThat(checks).doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}").doesNotContain("warning");

        // a wrong figure: the row no longer adds up, the error is on the table and blocks the submission
        Locator natural = page.locator("#cell-3-newReceived-naturalPerson input");
        String written = natural.inputValue();
        natural.fill(String.valueOf(Integer.parseInt(written) + 1000));
        natural.press("Tab");
        assertThat(summary).containsText("处错误须改正后才能提交");
        assertThat(page.locator("#table-3 td.finding-ERROR").first()).isVisible();
        assertThat(page.locator("#submit")).isDisabled();
        page.locator("#table-3").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("journey-error.png")));
        // put right, the findings follow
        natural.fill(written);
        natural.press("Tab");
        assertThat(summary).containsText("没有错误");
        assertThat(page.locator("#table-3 td.finding-ERROR")).hasCount(0);
        assertThat(page.locator("#submit")).isEnabled();
        shot("journey-checks");
        page.locator("#submit").click();

        page.waitForURL("**/workspace/#/report/" + REPORT);
        awaitLatest("待审核");
        int version = Integer.parseInt(page.locator("#versions li").first().getAttribute("data-version"));

        // the county's reviewer sees which figure the clerk touched, beside what the document wrote
        String caseId = PlatformClient.caseId(REPORT, version);
        JsonNode c = awaitCase(caseId, "AWAITING_REVIEW");
        assertThat(c.at("/reading/provenance").size()).isGreaterThan(50);
        Page reviewer = Chromium.newPage(browser);
        try {
            signIn(reviewer, platform.url("review") + "/admin/#/case/" + caseId, "jinjiang");
            assertThat(reviewer.locator("#reading-unsure")).containsText("自然人");
            assertThat(reviewer.locator("#reading-unsure")).containsText("乡镇报送人员修改");
            assertThat(reviewer.locator("#cell-3-newReceived-naturalPerson"))
                    .hasClass(Pattern.compile(".*read-CORRECTED.*"));
            // the document as it will be published, rendered by the publication service for the reviewer's page
            Page pdf =
                    reviewer.waitForPopup(() -> reviewer.locator("#preview-pdf").click());
            assertThat(pdf.url()).startsWith("blob:");
            pdf.close();
            assertThat(reviewer.locator("#banner")).not().containsText("无法生成预览");
            Chromium.screenshot(reviewer, "journey-reviewer-reading");
        } finally {
            reviewer.context().close();
        }

        // the county returns it: the narrative's 91 is not the table's 95
        JsonNode claimed = client.claim(COUNTY, caseId);
        client.returnToTownship(COUNTY, claimed, "正文所述主动公开信息条数（91条）与表格合计（95条）不一致，请核对后重新提交。");
        awaitLatest("已退回");
        assertThat(page.locator("#versions li .comment").first()).containsText("91条");

        // the clerk revises the returned version on the form, the narrative finding goes, and submits again
        page.locator("#versions li a.revise").first().click();
        assertThat(page.locator("h1")).containsText("修改第 " + version + " 版");
        assertThat(page.locator("#checks-summary")).containsText("没有错误");
        String section = (String) page.evaluate(
                "() => [...document.querySelectorAll('textarea')]" + ".find(t => t.value.includes('累计主动公开信息91条')).id");
        Locator text = page.locator("#" + section);
        text.fill(text.inputValue().replace("累计主动公开信息91条", "累计主动公开信息95条"));
        assertThat(page.locator("#checks")).not().containsText("91条");
        page.locator("#submit").click();
        page.waitForURL("**/workspace/#/report/" + REPORT);
        awaitLatest("待审核");
        int revised = Integer.parseInt(page.locator("#versions li").first().getAttribute("data-version"));
        assertThat(revised).isEqualTo(version + 1);
        assertThat(page.locator("#versions li[data-version='" + version + "']")).containsText("已退回");

        // the county approves; the clerk finds it published, with its portal link
        JsonNode approved = client.claimAndApprove(COUNTY, PlatformClient.caseId(REPORT, revised), "同意公开");
        assertThat(approved.path("state").asText()).isEqualTo("APPROVED");
        awaitLatest("已公开");
        Locator link = page.locator("#versions li")
                .first()
                .locator("a[href^='" + platform.portal().baseUrl() + "']");
        assertThat(link).isVisible();
        Http.Answer portalPage = client.http().get(link.getAttribute("href"), null);
        assertThat(portalPage.status()).isEqualTo(200);
        assertThat(portalPage.text()).contains("深沪镇");
        shot("journey-published");
        assertThat(page.locator("main").textContent())
                .doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}")
                .doesNotContain("PUBLISHED");
    }

    @Test
    void aCountyReviewerWhoOpensTheTownshipsPageIsSentToTheirOwn() {
        signIn(page, workspace(), "jinjiang");
        assertThat(page.locator("#wrong-role")).containsText("县级审核人员");
        page.locator("#go-review").click();
        page.waitForURL(platform.url("review") + "/admin/**");
        assertThat(page.locator("#sign-in")).isVisible();
    }
}

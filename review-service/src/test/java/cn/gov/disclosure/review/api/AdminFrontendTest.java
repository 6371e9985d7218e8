package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.ReportValidated;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Cell;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.contracts.model.ReportTable;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.infra.browser.BrowserTest;
import cn.gov.disclosure.infra.oidc.TestOidcProvider;
import cn.gov.disclosure.review.domain.CaseIds;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The admin front-end (/admin/, static files of this service) in a real browser: Debian's Chromium driven by
 * Playwright. The reviewer signs in at {@link TestOidcProvider} (authorization code + PKCE, done by the page), and
 * the page calls this service's API with the token. Cases are opened the real way, through Kafka. Screenshots go to
 * target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(value = TestOidcProvider.class, restrictToAnnotatedClass = false)
class AdminFrontendTest extends BrowserTest {

    @Inject
    OrganisationRegistry registry;

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /** Opens the front-end, signs in at the provider's login form, and lands on {@code hash}. */
    void signIn(String user, String hash) {
        page.navigate(base() + "/admin/" + hash);
        page.locator("#sign-in").click();
        page.waitForURL("**/protocol/openid-connect/auth**");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(base() + "/admin/**");
        assertThat(page.locator("#user-name")).containsText(user);
    }

    @Test
    void aReviewerSignsInAcknowledgesTheWarningsAndApproves() {
        int year = newYears(2);
        int last = year;
        int current = year + 1;
        // last year's report, approved, for comparison
        String lastYear = open(ZIMAO, last, 1);
        String alice = reviewer(JINJIANG, "jinjiang");
        claim(alice, lastYear);
        act(alice, lastYear, "approve", Map.of("acknowledgements", List.of())).statusCode(200);
        // this year: version 1 with other figures, then version 2 with two warnings and a note
        sendVersion(ZIMAO, current, 1, changed(current, 9137));
        String id = open(ZIMAO, current, 2, RULES_WARNING, FEES_WARNING, INFO);

        signIn("jinjiang", "#/queue?year=" + current);
        Locator row = page.locator("#queue tr[data-case-id='" + id + "']");
        assertThat(row).containsText("待审核");
        assertThat(page.locator("#state-tabs [data-state='AWAITING_REVIEW'] .count"))
                .hasText("1");
        // 全部 lists the live cases: version 1, superseded by version 2, is under 已取代 only
        String superseded = CaseIds.of(ZIMAO + "-" + current, 1);
        assertThat(page.locator("#queue tr[data-case-id='" + superseded + "']")).hasCount(0);
        assertThat(page.locator("#state-tabs [data-state='ALL'] .count")).hasText("1");
        page.locator("#state-tabs [data-state='SUPERSEDED']").click();
        assertThat(page.locator("#queue tr[data-case-id='" + superseded + "']")).hasCount(1);
        page.locator("#state-tabs [data-state='ALL']").click();
        row = page.locator("#queue tr[data-case-id='" + id + "']");
        row.getByRole(AriaRole.LINK).click();

        // the report as the official tables, the findings on their cells and sections
        assertThat(page.locator("#table-3 caption")).containsText("收到和处理政府信息公开申请情况");
        assertThat(page.locator("#table-3 thead")).containsText("法人或其他组织");
        Locator rules = page.locator("#cell-2-rules-issued");
        assertThat(rules).hasClass(Pattern.compile(".*has-finding.*sev-WARNING.*"));
        assertThat(page.locator("#section-otherMatters .section-findings")).containsText("第六部分未说明信息处理费");
        assertThat(page.locator("#findings .finding")).hasCount(3);

        // the previous version beside the current figures, the difference highlighted
        page.locator("#compare").selectOption("previous");
        Locator changedCell = page.locator("#cell-3-newReceived-naturalPerson");
        assertThat(changedCell).hasClass(Pattern.compile(".*diff.*"));
        assertThat(changedCell.locator(".cmp")).containsText("上版 9137");
        assertThat(page.locator("#section-overview .text-compare summary")).containsText("与上一版本相比：新增 0 句，删去 1 句");
        page.locator("#compare").selectOption("lastYear");
        assertThat(page.locator("#compare option[value='lastYear']")).containsText(last + " 年度");
        // the narrative compared too: this year's text is last year's, word for word
        assertThat(page.locator("#section-overview .text-compare")).containsText("与上年相比：文字完全相同");

        page.locator("#action-claim").click();
        assertThat(page.locator("#banner")).hasText("已认领该案件");
        page.locator("#action-approve").click();
        Locator boxes = page.locator("#approve-form input.ack");
        assertThat(boxes).hasCount(2);
        assertThat(page.locator("#approve-submit")).isDisabled();
        boxes.nth(0).check();
        assertThat(page.locator("#approve-submit")).isDisabled();
        boxes.nth(1).check();
        page.locator("#approve-form .ack-note").first().fill("已核实，系转载上级规章");
        page.locator("#approve-comment").fill("同意公开");
        // the approval form speaks the catalogue's Chinese: no rule code, no row or column key
        String form = page.locator("#approve-form").textContent();
        assertThat(form)
                .doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}")
                .doesNotContainPattern("[a-z]+[A-Z][a-z]+")
                .contains("规章");
        page.locator("#compare").selectOption("previous");
        shot("case-page");
        page.locator("#approve-submit").click();

        assertThat(page.locator("#banner")).hasText("已审核通过");
        assertThat(page.locator(".case-head .badge")).hasText("已通过");
        assertThat(page.locator("#audit tbody")).containsText("已通过");
        assertThat(page.locator("#audit tbody").textContent())
                .contains("系统")
                .doesNotContain("system")
                .doesNotContain("passed validation");
        assertThat(page.locator("#decision")).containsText("同意公开");
        assertThat(page.locator("#decision")).containsText("已确认警告");
        assertThat(page.locator("#decision").textContent())
                .doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}")
                .doesNotContainPattern("[a-z]+[A-Z][a-z]+");
        assertThat(page.locator(".finding-list").textContent()).doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}");
        shot("case-approved");

        given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("acknowledgements.size()", equalTo(2))
                .body("decision.comment", equalTo("同意公开"));
    }

    @Test
    void aReviewerReturnsAReportWithARequiredComment() {
        int year = newYear();
        String id = open(ANHAI, year, 1, INFO);
        signIn("jinjiang", "#/case/" + id);
        page.locator("#action-claim").click();
        page.locator("#action-return").click();
        page.locator("#return-submit").click();
        assertThat(page.locator("#return-error")).hasText("请填写退回意见");
        page.locator("#return-comment").fill("表三第一行合计有误，请核对后重新报送。");
        shot("case-return");
        // a refused action: the banner of the earlier claim goes, the refusal shows beside the form
        assertThat(page.locator("#banner")).hasText("已认领该案件");
        page.route(
                "**/api/v1/cases/*/return",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(422)
                        .setContentType("application/problem+json")
                        .setBody("{\"title\":\"暂时无法退回\",\"detail\":\"测试中的拒绝\",\"status\":422}")));
        page.locator("#return-submit").click();
        assertThat(page.locator("#action-error")).containsText("测试中的拒绝");
        assertThat(page.locator("#banner")).isHidden();
        page.unrouteAll();
        page.locator("#return-submit").click();
        assertThat(page.locator("#banner")).hasText("已退回乡镇");
        assertThat(page.locator(".case-head .badge")).hasText("已退回");
        assertThat(page.locator("#audit")).containsText("表三第一行合计有误");
        given().header("Authorization", provinceAdmin())
                .when()
                .get(CASES + "/" + id)
                .then()
                .body("state", equalTo("RETURNED"))
                .body("decision.comment", equalTo("表三第一行合计有误，请核对后重新报送。"));
    }

    @Test
    void aCaseOfAnotherCountyIsRefused() {
        int year = newYear();
        String id = open(HUIMENG, year, 1, RULES_WARNING);
        signIn("jinjiang", "#/queue");
        page.navigate(base() + "/admin/#/case/" + id);
        assertThat(page.locator("#forbidden")).containsText("您无权查看该案件");
        assertThat(page.locator("#forbidden")).containsText("不属于您所在县");
        assertThat(page.locator("#actions")).hasCount(0);
        shot("case-forbidden");
    }

    @Test
    void whenSomeoneElseActedFirstThePageSaysSoAndReloads() {
        int year = newYear();
        String id = open(CHIDIAN, year, 1);
        signIn("jinjiang", "#/case/" + id);
        assertThat(page.locator("#action-claim")).isVisible();
        claim(reviewer(JINJIANG, "jinjiang2"), id); // a colleague claims it meanwhile
        page.locator("#action-claim").click();
        assertThat(page.locator("#banner")).hasText("该案件已被他人处理，已重新加载");
        assertThat(page.locator("#action-claim")).hasCount(0);
        assertThat(page.locator("#actions")).containsText("jinjiang2");
        shot("case-conflict");
    }

    @Test
    void theCountySummaryShowsEachFiguresBreakdownAndNamesTheTownshipBehindAFinding() throws Exception {
        int year = newYear();
        String auth = reviewer(JINJIANG);
        for (String t : List.of(ZIMAO, ANHAI)) {
            String id = openWith(
                    t,
                    year,
                    SummaryTest.numbered(year, t, t.equals(ANHAI) ? 2 : 1),
                    t.equals(ANHAI) ? new Finding[] {INFO} : new Finding[0]);
            claim(auth, id);
            act(auth, id, "approve", Map.of()).statusCode(200);
        }
        // validation's dry run, as the validation service would answer for sums that break a rule of Table 3
        page.route(
                "**/api/v1/validate",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("application/json")
                        .setBody("{\"passed\":true,\"errors\":0,\"warnings\":1,\"findings\":[{\"code\":\"" + INFO.code()
                                + "\",\"severity\":\"warning\",\"location\":{\"table\":3,\"row\":\"newApplications\"},"
                                + "\"messageZh\":\"合计数不平衡\",\"messageEn\":\"sums do not balance\"}]}")));
        signIn("jinjiang", "#/summary?year=" + year);
        assertThat(page.locator("h1")).containsText("全县汇总");
        assertThat(page.locator("#summary-scope")).containsText("2 个乡镇");
        assertThat(page.locator("#summary-missing summary")).containsText("3 个");
        Locator t3 = page.locator("table.summary[data-table='3']");
        assertThat(t3).isVisible();
        // a figure is the sum of the two townships; a click shows each township's figure
        String sum = given().header("Authorization", auth)
                .queryParam("year", year)
                .get("/api/v1/summary")
                .then()
                .statusCode(200)
                .extract()
                .path("tables[1].rows[0].cells[0].value")
                .toString();
        Locator first = t3.locator("td.num").first();
        assertThat(first).hasText(sum);
        first.click();
        assertThat(page.locator("#breakdown-table tbody tr")).hasCount(2);
        assertThat(page.locator("#summary-breakdown")).containsText("合计：" + sum);
        // the sums' finding names the township whose approved report had the same finding
        assertThat(page.locator("#summary-checks")).containsText("合计数不平衡");
        assertThat(page.locator("#summary-checks")).containsText("安海镇");
        assertThat(page.locator("#summary-checks")).not().containsText("紫帽镇");
        shot("summary");

        Download download =
                page.waitForDownload(() -> page.locator("#summary-xlsx").click());
        assertThat(download.suggestedFilename()).endsWith("全县汇总.xlsx");
        try (var in = Files.newInputStream(download.path());
                var book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("表三")).isNotNull();
            String table2 = given().header("Authorization", auth)
                    .queryParam("year", year)
                    .get("/api/v1/summary")
                    .then()
                    .extract()
                    .path("tables[0].rows[0].cells[0].value")
                    .toString();
            assertThat(book.getSheet("分乡镇明细").getRow(1).getCell(3).getNumericCellValue())
                    .as("Table 2's first figure, as the API sums it")
                    .isEqualTo(Double.parseDouble(table2));
        }
        Download draft =
                page.waitForDownload(() -> page.locator("#summary-docx").click());
        assertThat(draft.suggestedFilename()).endsWith("全县汇总表格（草稿）.docx");
    }

    @Test
    void theProvinceSummaryListsEveryCountyWithItsProgress() {
        int year = newYear();
        String auth = reviewer(JINJIANG);
        String id = open(ZIMAO, year, 1);
        claim(auth, id);
        act(auth, id, "approve", Map.of()).statusCode(200);
        long counties = registry.all().stream()
                .filter(o -> o.level() == OrganisationRegistry.Level.COUNTY)
                .count();
        signIn("province-admin", "#/summary?year=" + year);
        assertThat(page.locator("h1")).containsText("全省汇总");
        assertThat(page.locator("#summary-counties tbody tr")).hasCount((int) counties);
        Locator jinjiang = page.locator("#summary-counties tr[data-county='" + JINJIANG + "'] td");
        assertThat(jinjiang.nth(0)).hasText("晋江市");
        assertThat(jinjiang.nth(2)).hasText("1"); // approved
        Locator mengjin = page.locator("#summary-counties tr[data-county='" + MENGJIN + "'] td");
        assertThat(mengjin.nth(2)).hasText("0"); // a county with no approved report is listed too
        assertThat(mengjin.nth(3)).hasText(mengjin.nth(1).textContent());
        shot("summary-province");
    }

    @Test
    void theQueueFiltersTheCompletenessViewAndSignOut() throws Exception {
        int year = newYear();
        open(SHENHU, year, 1, RULES_WARNING);
        open(JINJING, year, 1);
        signIn("jinjiang", "#/queue?year=" + year);
        assertThat(page.locator("#queue tbody tr")).hasCount(2);
        page.locator("#filter-warnings").selectOption("true");
        page.locator("#filters button[type=submit]").click();
        assertThat(page.locator("#queue tbody tr")).hasCount(1);
        assertThat(page.locator("#queue tbody")).containsText(SHENHU);
        page.locator("#filter-township").selectOption(JINJING);
        page.locator("#filter-warnings").selectOption("");
        page.locator("#filters button[type=submit]").click();
        assertThat(page.locator("#queue tbody tr")).hasCount(1);
        assertThat(page.locator("#queue tbody")).containsText(JINJING);
        shot("queue");
        // the filtered list as Excel (every case of the filters, not only the page)
        Download cases = page.waitForDownload(() -> page.locator("#queue-xlsx").click());
        assertThat(cases.suggestedFilename()).isEqualTo("审核案件列表.xlsx");
        try (var in = Files.newInputStream(cases.path());
                var book = new XSSFWorkbook(in)) {
            var sheet = book.getSheet("审核案件");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(JINJING);
        }

        // without a year the view opens on the year being filed: December → this year, January–November → the year
        // before
        page.navigate(base() + "/admin/#/completeness");
        LocalDate today = LocalDate.now();
        int filed = today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
        assertThat(page.locator("#completeness-year")).hasValue(String.valueOf(filed));
        Object dec2026 = page.evaluate("async () => (await import('/common/js/calendar.js'))"
                + ".reportingYearBeingFiled(new Date(2026, 11, 1))");
        Object jan2027 = page.evaluate("async () => (await import('/common/js/calendar.js'))"
                + ".reportingYearBeingFiled(new Date(2027, 0, 15))");
        Object nov2026 = page.evaluate("async () => (await import('/common/js/calendar.js'))"
                + ".reportingYearBeingFiled(new Date(2026, 10, 30))");
        assertThat(List.of(dec2026, jan2027, nov2026)).containsExactly(2026, 2026, 2025);

        page.navigate(base() + "/admin/#/completeness?year=" + year);
        Locator table = page.locator("table.completeness[data-county='" + JINJIANG + "']");
        assertThat(table.locator("tbody tr")).hasCount(5);
        assertThat(table.locator("tr[data-township='" + SHENHU + "']")).containsText("待审核");
        shot("completeness");
        // the same as an Excel workbook, downloaded with the reviewer's token
        Download download =
                page.waitForDownload(() -> page.locator("#export-xlsx").click());
        assertThat(download.suggestedFilename()).isEqualTo(year + "年度按期完成情况.xlsx");
        try (var in = Files.newInputStream(download.path());
                var book = new XSSFWorkbook(in)) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(year + "年度");
            boolean shenhu = false;
            for (var row : sheet) {
                if (row.getCell(1) != null
                        && row.getCell(1).getCellType() == CellType.STRING
                        && SHENHU.equals(row.getCell(1).getStringCellValue())) {
                    shenhu = true;
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("待审核");
                }
            }
            assertThat(shenhu).as("深沪镇's row in the workbook").isTrue();
        }

        page.locator("#sign-out").click();
        assertThat(page.locator("#sign-in")).isVisible();
        assertThat(page.locator("#user")).isHidden();
    }

    @Test
    void aReviewerSeesHowTheDocumentWasReadBeforeApproving() {
        int year = newYears(1);
        EventEnvelope<ReportValidated> e = validated(ZIMAO, year, 1, true, List.of());
        ReportValidated d = e.data();
        send(EventEnvelope.of(
                "/test/validation",
                new ReportValidated(
                        d.reportId(),
                        d.version(),
                        d.organisationCode(),
                        d.organisationName(),
                        d.countyCode(),
                        d.year(),
                        d.submittedAt(),
                        d.passed(),
                        d.findings(),
                        d.validatedAt(),
                        d.report(),
                        List.of("表3 第一行的数字连写为“9137265”，按表内勾稽关系读作 9137、2、6、5 / digits run together"),
                        List.of(
                                new CellSource(
                                        "applications",
                                        "newReceived",
                                        "naturalPerson",
                                        2,
                                        41,
                                        "9137265",
                                        CellSource.Reading.RESOLVED_BY_ARITHMETIC),
                                new CellSource(
                                        "activeDisclosure",
                                        "rules",
                                        "issued",
                                        null,
                                        12,
                                        "3",
                                        CellSource.Reading.CORRECTED),
                                new CellSource(
                                        "applications",
                                        "newReceived",
                                        "total",
                                        2,
                                        41,
                                        "9144",
                                        CellSource.Reading.WRITTEN)))));
        String id = awaitCase(CaseIds.of(d.reportId(), 1));

        signIn("jinjiang", "#/case/" + id);
        Locator reading = page.locator("#reading");
        assertThat(reading.locator("#reading-notes")).containsText("按表内勾稽关系读作 9137、2、6、5");
        assertThat(reading).not().containsText("digits run together");
        // the two figures not read as written are named in the catalogue's words, with what the document wrote
        assertThat(reading.locator("#reading-unsure li")).hasCount(2);
        assertThat(reading.locator("#reading-unsure").textContent())
                .contains("表3")
                .contains("自然人")
                .contains("原文「9137265」，第 2 页第 41 行")
                .contains("乡镇报送人员修改");
        assertThat(reading.textContent()).doesNotContain("naturalPerson").doesNotContain("CORRECTED");
        // and marked on their cells, the source on hover
        Locator guessed = page.locator("#cell-3-newReceived-naturalPerson");
        assertThat(guessed).hasClass(Pattern.compile(".*read-RESOLVED_BY_ARITHMETIC.*"));
        assertThat(guessed).hasAttribute("title", Pattern.compile(".*第 2 页第 41 行.*「9137265」.*勾稽关系.*", Pattern.DOTALL));
        assertThat(page.locator("#cell-2-rules-issued")).hasClass(Pattern.compile(".*read-CORRECTED.*"));
        assertThat(page.locator("#cell-3-newReceived-total")).not().hasClass(Pattern.compile(".*read-.*"));
        // a case from a JSON report has no such panel
        String plain = open(ZIMAO, year, 2);
        page.navigate(base() + "/admin/#/case/" + plain);
        assertThat(page.locator(".case-head")).containsText("第 2 版");
        assertThat(page.locator("#reading")).hasCount(0);
    }

    @Test
    void theCatalogueAndTheSignInSettingsAreServedWithoutAToken() {
        given().when()
                .get("/api/v1/catalogue/2021")
                .then()
                .statusCode(200)
                .body("sections", hasSize(6))
                .body("sections[1].table.columns.label", hasItem("本年制发件数"))
                .body("sections[2].table.rows.key", hasItem("newReceived"))
                .body(
                        "sections[2].table.columns.find { it.key == 'commercialEnterprise' }.headerPath",
                        contains("申请人情况", "法人或其他组织"))
                .body("sections[0].table", nullValue());
        given().when().get("/api/v1/catalogue/1999").then().statusCode(404);
        given().when()
                .get("/api/v1/frontend-config")
                .then()
                .statusCode(200)
                .body("clientId", equalTo("admin-frontend"))
                .body("authServerUrl", startsWith("http://127.0.0.1:"));
        given().when().get("/admin/").then().statusCode(200).body(containsString("县级审核"));
    }

    // ------------------------------------------------------------------ helpers

    /** Sends a passed version with the given report through Kafka and waits for its case. */
    static String sendVersion(String township, int year, int version, AnnualReport report) {
        EventEnvelope<ReportValidated> e = validated(township, year, version, true, List.of());
        ReportValidated d = e.data();
        send(EventEnvelope.of(
                "/test/validation",
                new ReportValidated(
                        d.reportId(),
                        d.version(),
                        d.organisationCode(),
                        d.organisationName(),
                        d.countyCode(),
                        d.year(),
                        d.submittedAt(),
                        d.passed(),
                        d.findings(),
                        d.validatedAt(),
                        report)));
        return awaitCase(CaseIds.of(d.reportId(), version));
    }

    /**
     * The fixture report with 一、本年新收 · 自然人 set to {@code naturalPersons}, and one more sentence in 一、总体情况
     * (the next version drops it).
     */
    static AnnualReport changed(int year, int naturalPersons) {
        AnnualReport r = report(year, ZIMAO + "镇人民政府");
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        r.applications().rows().forEach((k, v) -> rows.put(k, new LinkedHashMap<>(v)));
        rows.get("newReceived").put("naturalPerson", Cell.of(naturalPersons));
        List<Section> sections = r.sections().stream()
                .map(x -> x.key() == SectionKey.OVERVIEW
                        ? new Section(x.key(), x.heading(), x.text() + "本版另有一句后来删去的说明。")
                        : x)
                .toList();
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                sections,
                r.activeDisclosure(),
                new ReportTable(rows),
                r.reviewsAndLitigation());
    }
}

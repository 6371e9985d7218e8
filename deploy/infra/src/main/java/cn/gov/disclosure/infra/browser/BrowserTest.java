package cn.gov.disclosure.infra.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.lang.reflect.Method;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What a page's browser test does around each test: one {@link Chromium} per class, a fresh page per test, a
 * screenshot of how each test ended ({@code target/screenshots/<test>-end.png}).
 */
public abstract class BrowserTest {

    protected static Playwright playwright;
    protected static Browser browser;

    protected BrowserContext context;
    protected Page page;
    protected String testName;

    @BeforeAll
    static void launchChromium() throws Exception {
        Files.createDirectories(Chromium.SCREENSHOTS);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newPage(TestInfo info) {
        testName = info.getTestMethod().map(Method::getName).orElse("test");
        page = Chromium.newPage(browser);
        context = page.context();
    }

    @AfterEach
    void closePage() {
        if (page != null && !page.isClosed()) {
            Chromium.screenshot(page, testName + "-end");
        }
        if (context != null) {
            context.close();
        }
    }

    /** A full-page screenshot of the page now. */
    protected void shot(String name) {
        Chromium.screenshot(page, name);
    }
}

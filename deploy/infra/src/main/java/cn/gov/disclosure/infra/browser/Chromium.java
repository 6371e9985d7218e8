package cn.gov.disclosure.infra.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium (/usr/bin/chromium) for the pages' browser tests, driven by Playwright for Java without any
 * browser download, started as this machine's closed network needs (no background networking, no component updates),
 * and a Chinese reader's context: zh-CN, Beijing time, a desk screen.
 */
public final class Chromium {

    /** Where the tests write their screenshots (target/screenshots of the module). */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Chromium() {}

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A fresh context (zh-CN, Asia/Shanghai, 1440×1000, 20 s timeouts) with page errors printed. */
    public static Page newPage(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(1440, 1000));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.onPageError(e -> System.out.println("[browser page error] " + e));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.out.println("[browser console] " + m.text());
            }
        });
        return page;
    }

    /** A full-page screenshot under {@link #SCREENSHOTS}. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}

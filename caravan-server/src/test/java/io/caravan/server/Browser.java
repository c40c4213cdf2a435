package io.caravan.server;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Chromium for the dashboard's tests: the system's own (Debian's {@code chromium}, which {@code .ci/run}
 * installs), driven by Playwright, headless. Nothing is downloaded. Each test saves screenshots under
 * {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    /** Where the browser is; {@code -Dcaravan.test.chromium=PATH} names another. */
    static final Path CHROMIUM = Path.of(System.getProperty("caravan.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("the browser tests need Chromium at " + CHROMIUM
                    + ": install it with 'apt-get install -y chromium' (.ci/run does), or name another with -Dcaravan.test.chromium=PATH");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    /** A new page in a fresh context (its own cookies: one person), 1280 pixels wide. */
    public Page page(String baseUrl) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(1280, 900)).newPage();
    }

    /** Saves the whole page as {@code target/screenshots/NAME.png}. */
    public static void shoot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Logs in through the login form and waits for the page it leads to. */
    public static void logIn(Page page, String user, String password) {
        page.navigate("/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

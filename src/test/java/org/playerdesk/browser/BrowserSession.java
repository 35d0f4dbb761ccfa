package org.playerdesk.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium from the operating system's package (Debian's {@code chromium}), driven by
 * Playwright. Playwright never downloads a browser of its own here.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("PLAYERDESK_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    BrowserSession() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A session, or the test skipped when Chromium is missing (outside CI; in CI a missing browser fails). */
    static BrowserSession startOrSkip() {
        if (!available()) {
            String hint = "headless Chromium is needed at " + CHROMIUM
                    + " (apt-get install chromium, or set PLAYERDESK_CHROMIUM)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(hint);
            }
            org.junit.jupiter.api.Assumptions.abort(hint);
        }
        return new BrowserSession();
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

package org.playerdesk.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Headless Chromium for one browser test class: started before its tests ({@link BrowserSession#startOrSkip()}:
 * skipped outside CI where Chromium is missing) and closed after them. Register it with
 * {@code @RegisterExtension static final Chromium session = new Chromium();}. Page assertions wait
 * up to 20 s, since the machine running the suite may be busy.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private BrowserSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = BrowserSession.startOrSkip();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    Browser browser() {
        return session.browser();
    }

    /** A new browser context the size of an agent's laptop screen, in this language (e.g. "zh-CN"). */
    BrowserContext desktop(String locale) {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale(locale));
    }
}

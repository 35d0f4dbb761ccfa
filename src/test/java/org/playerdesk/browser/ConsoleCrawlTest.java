package org.playerdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitUntilState;

/**
 * Every console page, as every member of staff of the demo workspace (one of each role), and in both
 * languages, with the demo's data in every list: a page that fails for someone cannot hide behind
 * tests that never open it with data in it. A plain HTTP crawl opens all the pages (see
 * {@link ConsoleCrawler}); headless Chromium then opens one page of each kind per member of staff
 * and fails on any script error, console error, refused Content-Security-Policy or failed
 * request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "playerdesk.demo=true")
class ConsoleCrawlTest {

    private static final Logger log = LoggerFactory.getLogger(ConsoleCrawlTest.class);

    /** The demo staff (README, "The demo workspace"): an administrator, a supervisor, four agents. */
    static final List<String> STAFF = List.of("admin", "lead", "agent1", "agent2", "vip1", "tech1");
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final String PASSWORD = "playerdesk";

    private static BrowserSession session;

    @LocalServerPort
    int port;

    private static void browser() {
        if (session == null) {
            session = BrowserSession.startOrSkip();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    /**
     * The administrator, who sees every page, crawls in both languages; each other member of staff
     * in one, the languages taking turns, so that every page is opened in each language and by each
     * role that may see it.
     */
    @Test
    void everyConsolePageOpensForEveryRoleAndInBothLanguages() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < STAFF.size(); i++) {
            String username = STAFF.get(i);
            List<String> languages = i == 0 ? LANGUAGES : List.of(LANGUAGES.get(i % LANGUAGES.size()));
            for (String language : languages) {
                ConsoleCrawler crawl = new ConsoleCrawler(port, username, language).crawl(PASSWORD);
                log.info("Console crawl: {} in {} opened {} addresses", username, language, crawl.visited().size());
                failures.addAll(crawl.failures());
            }
        }
        assertThat(failures).as("console pages that failed").isEmpty();
    }

    @Test
    @Tag("browser")
    void onePageOfEachKindRunsItsScriptsWithoutErrorsForEveryRole() throws Exception {
        browser();
        List<String> failures = new ArrayList<>();
        Set<String> shapesSeen = new HashSet<>();
        for (int i = 0; i < STAFF.size(); i++) {
            String username = STAFF.get(i);
            // both languages are seen in the browser: every other member of staff in English
            String language = LANGUAGES.get(i % LANGUAGES.size());
            ConsoleCrawler crawl = new ConsoleCrawler(port, username, language).crawl(PASSWORD);
            // the pages of the navigation as this member of staff sees them, and a page of each
            // kind (path, whatever the query) no one before has opened in the browser
            Set<String> sample = new LinkedHashSet<>(crawl.navigation());
            crawl.pagesOfEachShape().stream().filter(page -> !page.contains("lang="))
                    .filter(page -> shapesSeen.add(ConsoleCrawler.shape(page.replaceFirst("\\?.*", ""))))
                    .forEach(sample::add);
            sample.removeIf(page -> !crawl.opened(page));
            failures.addAll(browse(username, language, List.copyOf(sample)));
            log.info("Console crawl in Chromium: {} in {} opened {} pages", username, language, sample.size());
        }
        assertThat(failures).as("console pages with script errors, refused content or failed requests").isEmpty();
    }

    /** Found by the crawl: the confirmation was an inline handler, refused, so the rule went at once. */
    @Test
    @Tag("browser")
    void deletingAnAutomationRuleAsksFirst() {
        browser();
        String base = "http://localhost:" + port;
        try (BrowserContext context = session.browser().newContext(new Browser.NewContextOptions().setLocale("en"))) {
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.fill("[data-testid=login-username]", "lead");
            page.fill("[data-testid=login-password]", PASSWORD);
            page.click("[data-testid=login-submit]");
            page.waitForURL(Pattern.compile(".*/console.*"));
            page.navigate(base + "/console/admin/automation?game=demo&lang=en");
            int rules = page.locator("[data-testid=rule-row]").count();
            List<String> asked = new ArrayList<>();
            page.onDialog(dialog -> {
                asked.add(dialog.message());
                dialog.dismiss();
            });
            page.locator("[data-testid=rule-delete] button").first().click();

            assertThat(asked).containsExactly("Delete this rule?");
            page.navigate(base + "/console/admin/automation?game=demo");
            assertThat(page.locator("[data-testid=rule-row]").count()).isEqualTo(rules).isPositive();
        }
    }

    /** Opens the pages in Chromium as this member of staff; answers what went wrong, with the address. */
    private List<String> browse(String username, String language, List<String> pages) {
        String base = "http://localhost:" + port;
        List<String> failures = new ArrayList<>();
        String[] current = { "/login" };
        try (BrowserContext context = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale(language))) {
            context.addInitScript(Chromium.CSP_WATCH);
            Page page = context.newPage();
            String who = username + " [" + language + "] ";
            page.onPageError(error -> failures.add(who + current[0] + ": script error: " + error));
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    failures.add(who + current[0] + ": console error: " + message.text());
                }
            });
            page.onResponse(response -> {
                if (response.url().startsWith(base) && (response.status() >= 500 || response.status() == 404)) {
                    failures.add(who + current[0] + ": HTTP " + response.status() + " for " + response.url());
                }
            });
            page.navigate(base + "/login");
            page.fill("[data-testid=login-username]", username);
            page.fill("[data-testid=login-password]", PASSWORD);
            page.click("[data-testid=login-submit]");
            page.waitForURL(Pattern.compile(".*/console.*"));
            current[0] = "/console/tickets?view=all&lang=" + language;
            page.navigate(base + current[0]);
            if (username.equals("admin") && language.equals("zh-CN")) {
                ConsolePages.screenshot(page, "console.png"); // the README's picture: the demo's inbox
            }
            for (String path : pages) {
                current[0] = path;
                // the page's own scripts have run by DOMContentLoaded (they are deferred); what they
                // load afterwards is waited for below
                Page.NavigateOptions ready = new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED);
                Response response = path.equals("/console/chat")
                        ? page.waitForResponse(r -> r.url().endsWith("/console/chat/state"),
                                () -> page.navigate(base + path, ready))
                        : page.navigate(base + path, ready);
                if (response == null || !response.headers().getOrDefault("content-type", "").startsWith("text/html")) {
                    continue;
                }
                settled(page, path);
            }
        }
        return failures;
    }

    /**
     * Waits until what the page loads by itself after it opened is there: the notification bell
     * (htmx), and on the live-chat console its state, drawn.
     */
    private static void settled(Page page, String path) {
        if (page.locator("[data-testid=notification-bell][hx-get]").count() > 0) {
            page.locator("[data-testid=notification-bell]:not([hx-get])").waitFor();
        }
        if (path.equals("/console/chat")) {
            page.waitForFunction("() => document.getElementById('chat-seats').textContent !== ''");
        }
    }
}

package org.playerdesk.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;

/**
 * What went wrong in the pages of one browser context: script errors, console errors and refused
 * Content-Security-Policy (reported as console errors by {@link ConsoleCrawlTest#CSP_WATCH}).
 * Register before the first page opens; a test asserts the list is empty at its end.
 */
final class PageProblems {

    private PageProblems() {
    }

    static List<String> watch(BrowserContext context) {
        List<String> problems = new CopyOnWriteArrayList<>();
        context.addInitScript(ConsoleCrawlTest.CSP_WATCH);
        context.onPage(page -> {
            page.onPageError(error -> problems.add(page.url() + ": script error: " + error));
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    problems.add(page.url() + ": console error: " + message.text());
                }
            });
        });
        return problems;
    }
}

package org.playerdesk.browser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Headless Chromium for one browser test class: started before its tests ({@link BrowserSession#startOrSkip()}:
 * skipped outside CI where Chromium is missing) and closed after them. Register it with
 * {@code @RegisterExtension static final Chromium session = new Chromium();}. Page assertions wait
 * up to 20 s, since the machine running the suite may be busy.
 * <p>
 * Every page the test opens is watched: a script error, a console error or a refused
 * Content-Security-Policy (an inline script, handler or style the site's own policy blocks) fails
 * the test after it ran, with the page's address. A test that provokes an error on purpose (a
 * request the server refuses, a connection cut) names it with {@link #expect(String)}.
 */
final class Chromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Reports every refused Content-Security-Policy as a console error, which the watch then sees. */
    static final String CSP_WATCH = """
            document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: '
                + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    private BrowserSession session;
    private Browser watched;
    private final List<String> problems = new ArrayList<>();
    private final List<Pattern> expected = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        session = BrowserSession.startOrSkip();
        watched = watching(session.browser());
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> seen;
        synchronized (problems) {
            seen = problems.stream().filter(p -> expected.stream().noneMatch(e -> e.matcher(p).find())).toList();
            problems.clear();
            expected.clear();
        }
        if (!seen.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("The pages reported " + seen.size() + " error(s):\n  " + String.join("\n  ", seen));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /**
     * An error this test provokes on purpose, e.g. {@code "status of 409"} for a request the server
     * refuses, or {@code "WebSocket"} for a connection the test cuts: found in the error's text.
     */
    void expect(String regex) {
        synchronized (problems) {
            expected.add(Pattern.compile(regex));
        }
    }

    /** The browser; every context and page made from it is watched. */
    Browser browser() {
        return watched;
    }

    /** A new browser context the size of an agent's laptop screen, in this language (e.g. "zh-CN"). */
    BrowserContext desktop(String locale) {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale(locale));
    }

    /** The browser, with each new context (and the context of each new page) watched. */
    private Browser watching(Browser browser) {
        return (Browser) Proxy.newProxyInstance(Browser.class.getClassLoader(), new Class<?>[] { Browser.class },
                (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(browser, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof BrowserContext context) {
                        watch(context);
                    } else if (result instanceof Page page) {
                        watch(page.context());
                    }
                    return result;
                });
    }

    /** Script errors, console errors and refused policies of every page of the context, with its address. */
    void watch(BrowserContext context) {
        context.addInitScript(CSP_WATCH);
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                report(where(message.page()) + "console error: " + message.text());
            }
        });
        context.onWebError(error -> report(where(error.page()) + "script error: " + error.error()));
    }

    private static String where(Page page) {
        return page == null ? "" : page.url() + ": ";
    }

    private void report(String problem) {
        synchronized (problems) {
            problems.add(problem);
        }
    }
}

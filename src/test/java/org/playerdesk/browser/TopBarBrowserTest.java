package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The top bar fits: an administrator with a long name sees the name (cut with an ellipsis if need
 * be, never a letter per line) and Sign out whole, the search box and every page, at 1440 and
 * 1280 px and on a tablet (768 px), in English and in Chinese.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class TopBarBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    StaffDirectory staff;

    @ParameterizedTest(name = "{0} px, {1}")
    @CsvSource({"1440, en", "1280, en", "768, en", "1440, zh-CN", "1280, zh-CN", "768, zh-CN"})
    void theNameSignOutAndSearchStayWholeInTheBar(int width, String language) {
        StaffMember admin = staff.enrol(TestWorkspace.unique("admin"), "Alexandra Montgomery-Winterbottom",
                TestWorkspace.PASSWORD, StaffRole.ADMIN, language, Set.of());
        String base = "http://localhost:" + port;
        BrowserContext context = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, 900).setLocale(language));
        Page console = ConsolePages.signIn(context, base, admin);
        console.navigate(base + "/console/tickets?lang=" + language);
        console.waitForLoadState();

        Locator name = console.locator("[data-testid=signed-in-as]");
        Locator signOut = console.locator("[data-testid=sign-out]");
        Locator search = console.locator("[data-testid=global-search]");
        for (Locator whole : List.of(name, signOut, search, console.locator("[data-testid=shortcuts-button]"))) {
            assertThat(whole).isVisible();
            insideAndOneLine(whole, width);
        }
        assertThat(name).hasAttribute("title", "Alexandra Montgomery-Winterbottom");
        assertThat(box(name).width).as("the name is cut, not squeezed").isGreaterThan(30);
        assertThat(box(search).width).isGreaterThan(80);
        assertThat((Boolean) console.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling").isTrue();
        screenshot(console, "top-bar-" + width + "-" + language + ".png");

        Locator inbox = console.locator("#nav .nav-link[href$='/console/tickets']");
        if (width < 1200) {
            assertThat(inbox).isHidden();
            console.locator(".navbar-toggler").click();
        }
        assertThat(inbox).isVisible();
        for (Locator link : console.locator("#nav .navbar-nav > .nav-item > .nav-link").all()) {
            insideAndOneLine(link, width);
        }
        console.locator("[data-testid=nav-more] > .nav-link").click();
        Locator games = console.locator("[data-testid=nav-more] .dropdown-item[href$='/console/admin/games']");
        assertThat(games).isVisible();
        screenshot(console, "top-bar-" + width + "-" + language + "-more.png");
        insideAndOneLine(games, width);
        games.click();
        assertThat(console).hasURL(java.util.regex.Pattern.compile("/console/admin/games"));
        console.waitForLoadState(); // measured once the page's style sheets apply
        insideAndOneLine(console.locator("[data-testid=sign-out]"), width);
        context.close();
    }

    /** Within the window, and one line high: a box no taller than twice its font size. */
    private static void insideAndOneLine(Locator element, int width) {
        BoundingBox box = box(element);
        assertThat(box.x).as("left edge of " + element).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("right edge of " + element).isLessThanOrEqualTo(width);
        double font = ((Number) element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
        double padding = ((Number) element.evaluate("e => parseFloat(getComputedStyle(e).paddingTop)"
                + " + parseFloat(getComputedStyle(e).paddingBottom) + parseFloat(getComputedStyle(e).borderTopWidth)"
                + " + parseFloat(getComputedStyle(e).borderBottomWidth)")).doubleValue();
        assertThat(box.height - padding).as("one line: " + element).isLessThan(font * 2);
    }

    /** With -Dplayerdesk.screenshots=<folder>, keeps pictures of the bar. */
    private static void screenshot(Page page, String name) {
        String folder = System.getProperty("playerdesk.screenshots");
        if (folder != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(folder, name)));
        }
    }

    private static BoundingBox box(Locator element) {
        BoundingBox box = element.boundingBox();
        assertThat(box).as("shown: " + element).isNotNull();
        return box;
    }
}

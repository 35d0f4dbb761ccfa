package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.nio.file.Paths;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Saved inbox views in the browser: the inbox's filters saved under a name, opened from their tab
 * with their count, seen by a colleague when shared, renamed and deleted by their author.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class SavedViewsBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void anAgentSavesTheFiltersAsASharedViewAndOpensItFromItsTab() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        workspace.ticket(game, "sv1", "bug");
        workspace.ticket(game, "sv2", "bug");
        workspace.ticket(game, "sv3", "payment");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("en");
        Page console = signIn(desk, base, agent);
        console.navigate(base + "/console/tickets?view=all&lang=en");
        assertThat(count(console, "[data-testid=view-all]")).hasText("3");
        assertThat(count(console, "[data-testid=view-unassigned]")).hasText("3");
        assertThat(count(console, "[data-testid=view-mine]")).hasText("0");
        assertThat(console.locator("[data-testid=saved-views]")).hasCount(0);

        // the filters are changed in place (htmx), then saved: the view takes them as they are now
        console.selectOption("#f-type", "bug");
        assertThat(console.locator("[data-testid=ticket-row]")).hasCount(2);
        console.locator("[data-testid=view-save] summary").click();
        console.locator("[data-testid=view-save-submit]").click();
        assertThat(console.locator("[data-testid=view-errors]")).hasText("Name: Please write something.");
        assertThat(console.locator("[data-testid=saved-views]")).hasCount(0);

        console.fill("[data-testid=view-name]", "Bugs waiting");
        console.check("[data-testid=view-shared]");
        console.locator("[data-testid=view-save-submit]").click();
        Locator tab = console.locator("[data-testid=saved-view][data-view-name='Bugs waiting']");
        assertThat(tab).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(tab).hasAttribute("aria-current", "page");
        assertThat(tab.locator("[data-testid=view-count]")).hasText("2");
        assertThat(console).hasURL(Pattern.compile("saved="));
        assertThat(console.locator("[data-testid=ticket-row]")).hasCount(2);
        assertThat(console.locator("[data-testid=view-all]")).not().hasClass(Pattern.compile("\\bactive\\b"));

        // another filter leaves the view; its tab opens it again (once the page's scripts listen)
        console.waitForLoadState();
        console.selectOption("#f-type", "payment");
        assertThat(console.locator("[data-testid=ticket-row]")).hasCount(1);
        assertThat(tab).not().hasClass(Pattern.compile("\\bactive\\b"));
        tab.click();
        assertThat(tab).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(console.locator("[data-testid=ticket-row]")).hasCount(2);
        assertThat(console.locator("#f-type")).hasValue("bug");

        // a colleague of the game sees it, counted, but cannot change it
        BrowserContext other = session.desktop("zh-CN");
        Page theirs = signIn(other, base, colleague);
        theirs.navigate(base + "/console/tickets?lang=zh-CN");
        Locator shared = theirs.locator("[data-testid=saved-view][data-view-name='Bugs waiting']");
        assertThat(shared.locator("[data-testid=view-count]")).hasText("2");
        assertThat(theirs.locator("[data-testid=views-manage]")).hasCount(0);
        assertThat(theirs.locator("[data-testid=view-save] summary")).hasText("保存为视图");
        other.close();

        // the author renames it, then deletes it after saying yes
        console.locator("[data-testid=views-manage] summary").click();
        Locator row = console.locator("[data-testid=view-manage-row]");
        row.locator("[data-testid=view-rename-name]").fill("Open bugs");
        row.locator("[data-testid=view-rename]").click();
        assertThat(console.locator("[data-testid=saved-view]")).hasAttribute("data-view-name", "Open bugs");
        console.locator("[data-testid=views-manage] summary").click();
        screenshot(console, "inbox-saved-views.png");
        assertThat(confirming(console, false, () -> row.locator("[data-testid=view-delete]").click()))
                .contains("Open bugs");
        assertThat(console.locator("[data-testid=saved-view]")).hasCount(1);
        confirming(console, true, () -> row.locator("[data-testid=view-delete]").click());
        assertThat(console.locator("[data-testid=saved-views]")).hasCount(0);
        assertThat(console.locator("[data-testid=view-all]")).isVisible();
        desk.close();
    }

    @Test
    void anAgentReordersTheirViewsFromTheKeyboard() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("en");
        Page console = signIn(desk, base, agent);
        for (String name : new String[] {"Alpha", "Beta"}) {
            console.navigate(base + "/console/tickets?lang=en");
            console.locator("[data-testid=view-save] summary").click();
            console.fill("[data-testid=view-name]", name);
            console.locator("[data-testid=view-save-submit]").click();
            assertThat(console.locator("[data-testid=saved-view][data-view-name='" + name + "']")).isVisible();
        }
        assertThat(console.locator("[data-testid=saved-view]")).hasText(new String[] {"Alpha 0", "Beta 0"});

        console.locator("[data-testid=views-manage] summary").focus();
        console.keyboard().press("Enter");
        Locator beta = console.locator("[data-testid=view-manage-row][data-view-name=Beta]");
        assertThat(beta.locator("[data-testid=view-down]")).isDisabled();
        beta.locator("[data-testid=view-up]").focus();
        console.keyboard().press("Enter");
        assertThat(console.locator("[data-testid=saved-view]")).hasText(new String[] {"Beta 0", "Alpha 0"});
        desk.close();
    }

    /** With -Dplayerdesk.screenshots=<folder>, keeps a picture of the inbox with its views. */
    private static void screenshot(Page page, String name) {
        String folder = System.getProperty("playerdesk.screenshots");
        if (folder != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(folder, name)));
        }
    }

    private static Locator count(Page console, String tab) {
        return console.locator(tab + " [data-testid=view-count]");
    }
}

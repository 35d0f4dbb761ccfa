package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The inbox's view tabs open their view, keep the other filters and mark the current one. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class InboxBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void everyViewTabOpensItsViewAndIsMarkedCurrent() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened waiting = workspace.ticket(game, "70001", "bug");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, agent);
        console.navigate(base + "/console/tickets?sort=newest");
        Locator row = console.locator("[data-testid=ticket-row][data-ticket-number='" + waiting.ticket().number() + "']");
        assertCurrent(console, "mine");
        assertThat(row).hasCount(0);
        // an empty list says what to do next
        assertThat(console.locator("[data-testid=inbox-empty]")).hasText(Pattern.compile("^暂无分配给您的工单。点击“下一个”"));

        console.locator("[data-testid=view-unassigned]").click();
        assertThat(console).hasURL(Pattern.compile("view=unassigned"));
        assertThat(console).hasURL(Pattern.compile("sort=newest"));
        assertCurrent(console, "unassigned");
        assertThat(row).hasCount(1);

        console.locator("[data-testid=view-all]").click();
        assertThat(console).hasURL(Pattern.compile("view=all"));
        assertCurrent(console, "all");
        assertThat(row).hasCount(1);

        console.locator("[data-testid=view-mine]").click();
        assertThat(console).hasURL(Pattern.compile("view=mine"));
        assertCurrent(console, "mine");
        assertThat(row).hasCount(0);
        console.navigate(base + "/console/tickets?view=all&q=" + "无此工单的词" + "&lang=en");
        assertThat(console.locator("[data-testid=inbox-empty]"))
                .hasText("No tickets match these filters. Reset them, or try another view.");
        desk.close();
    }

    private static void assertCurrent(Page console, String view) {
        Locator tabs = console.locator("[data-testid=inbox-views] a");
        assertThat(tabs).hasCount(3);
        for (String each : new String[] {"mine", "unassigned", "all"}) {
            Locator tab = console.locator("[data-testid=view-" + each + "]");
            assertThat(tab).not().hasAttribute("href", "");
            if (each.equals(view)) {
                assertThat(tab).hasAttribute("aria-current", "page");
                assertThat(tab).hasClass(Pattern.compile("\\bactive\\b"));
            } else {
                assertThat(tab).not().hasAttribute("aria-current", "page");
            }
        }
    }
}

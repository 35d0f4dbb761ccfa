package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The agent chooses a break in the top bar and the lead's presence board, open in another
 * browser, shows it without a reload; signing out shows them offline.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class PresenceBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void theLeadsBoardFollowsTheAgentsStateWithoutAReload() {
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        String base = "http://localhost:" + port;

        BrowserContext agentBrowser = session.browser().newContext();
        Page desk = ConsolePages.signIn(agentBrowser, base, agent);
        desk.navigate(base + "/console/tickets");
        Locator state = desk.locator("[data-testid=presence-state]");
        assertThat(state).isVisible();
        state.selectOption("available");
        assertThat(desk.locator("[data-testid=presence-bar]")).hasAttribute("data-state", "available");

        BrowserContext leadBrowser = session.browser().newContext();
        Page board = ConsolePages.signIn(leadBrowser, base, lead);
        board.navigate(base + "/console/presence");
        Locator row = board.locator("[data-testid=presence-row][data-staff='" + agent.id() + "']");
        assertThat(row).hasAttribute("data-state", "available");
        assertThat(row).hasAttribute("data-signed-in", "true");

        desk.locator("[data-testid=presence-state]").selectOption("break");
        assertThat(desk.locator("[data-testid=presence-bar]")).hasAttribute("data-state", "break");
        assertThat(row).hasAttribute("data-state", "break");
        assertThat(board).hasURL(base + "/console/presence");

        desk.locator("[data-testid=sign-out]").click();
        assertThat(row).hasAttribute("data-state", "offline");
        agentBrowser.close();
        leadBrowser.close();
    }
}

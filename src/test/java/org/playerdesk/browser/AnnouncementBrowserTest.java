package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

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
import com.microsoft.playwright.Page;

/**
 * A lead publishes an announcement for agents from the console form; an agent of the game sees it
 * as a banner on their console pages, closes it, and it stays closed after a reload.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class AnnouncementBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void aLeadPublishesForAgentsAndAnAgentClosesTheBanner() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;

        BrowserContext leadBrowser = session.browser().newContext();
        Page console = ConsolePages.signIn(leadBrowser, base, lead);
        console.navigate(base + "/console/announcements?game=" + game.code());
        console.locator("[data-testid=announcement-new]").click();
        console.locator("#an-kind").selectOption("maintenance");
        // a maintenance window a year ahead, whatever today is
        LocalDate nextYear = LocalDate.now().plusYears(1);
        console.locator("#an-window-start").fill(nextYear + "T02:00");
        console.locator("#an-window-end").fill(nextYear + "T06:00");
        console.locator("#an-title-zh").fill("今晚停服维护，相关工单请统一回复");
        console.locator("#an-body-zh").fill("维护期间玩家无法登录，请使用**维护说明**模板回复。");
        console.locator("#an-agents").check();
        console.locator("[data-testid=announcement-publish]").click();
        assertThat(console.locator("[data-testid=announcement-row][data-state=published]"))
                .containsText("今晚停服维护");
        leadBrowser.close();

        BrowserContext agentBrowser = session.browser().newContext();
        Page desk = ConsolePages.signIn(agentBrowser, base, agent);
        desk.navigate(base + "/console/tickets");
        assertThat(desk.locator("[data-testid=announcement-banner]")).containsText("今晚停服维护");
        assertThat(desk.locator("[data-testid=announcement-banner] strong").last()).isVisible();
        desk.locator("[data-testid=announcement-dismiss]").click();
        assertThat(desk.locator("[data-testid=announcement-banner]")).hasCount(0);
        assertThat(desk).hasURL(base + "/console/tickets");
        desk.reload();
        assertThat(desk.locator("[data-testid=announcement-banners]")).isAttached();
        assertThat(desk.locator("[data-testid=announcement-banner]")).hasCount(0);
        agentBrowser.close();
    }
}

package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The inbox's bulk actions as an agent uses them: rows ticked one by one, or every ticket of the
 * view; the action and its value chosen in the bar; the progress until the job is done, then the
 * list as it now stands and the tickets that could not be changed, with the reason, in both
 * languages; all without a script or style the page's policy refuses.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class BulkActionsBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;

    @Test
    void tickedRowsAreChangedInTheBackgroundAndWhatCouldNotBeDoneIsListed() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        List<TicketView> opened = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            opened.add(workspace.ticket(game, "9" + (1000 + i), "bug").ticket());
        }
        TicketView resolved = opened.get(24);
        desk.changeStatus(resolved.id(), TicketStatus.RESOLVED, Actor.agent(agent.id(), agent.displayName()));
        String base = "http://localhost:" + port;
        String view = base + "/console/tickets?view=all&sort=newest&game=" + game.id();

        BrowserContext context = session.desktop("zh-CN");
        Page console = signIn(context, base, agent);

        // three rows ticked one by one, a status for them
        console.navigate(view + "&lang=zh-CN");
        Locator count = console.locator("[data-testid=bulk-count]");
        Locator apply = console.locator("[data-testid=bulk-apply]");
        assertThat(count).hasText("勾选工单即可一次修改多张。");
        for (TicketView ticket : List.of(opened.get(25), resolved, opened.get(23))) {
            row(console, ticket).locator("[data-testid=bulk-select]").check();
        }
        assertThat(count).hasText("已选 3 张");
        assertThat(apply).isDisabled();
        console.selectOption("[data-testid=bulk-action]", "status");
        console.selectOption("[data-testid=bulk-choice-status]", "pending_player");
        apply.click();

        Locator job = console.locator("[data-testid=bulk-job]");
        assertThat(job).hasAttribute("data-finished", "true");
        assertThat(job.locator("[data-testid=bulk-summary]")).hasText("设置状态“等待玩家回复”：3 张工单");
        assertThat(job.locator("[data-testid=bulk-counts]")).hasText("已完成：3 张中已修改 2 张，未修改 1 张");
        Locator failure = job.locator("[data-testid=bulk-failure]");
        assertThat(failure).hasCount(1);
        assertThat(failure).hasAttribute("data-ticket-number", String.valueOf(resolved.number()));
        assertThat(failure).containsText("#" + resolved.number());
        assertThat(failure).containsText("工单不能从“已解决”变为“等待玩家回复”。");
        // the list is read again: the changed rows show their new status
        assertThat(row(console, opened.get(25)).locator(".status-badge")).hasText("等待玩家回复");
        assertThat(row(console, opened.get(23)).locator(".status-badge")).hasText("等待玩家回复");
        assertThat(row(console, resolved).locator(".status-badge")).hasText("已解决");

        // a filter's select still reads the list again by itself (the bar's selects did not)
        console.selectOption("#f-status", "resolved");
        assertThat(console.locator("[data-testid=ticket-row]")).hasCount(1);
        assertThat(row(console, resolved)).hasCount(1);

        // in English: every ticket of the view, also the one on the next page, gets a tag
        console.navigate(view + "&lang=en");
        assertThat(count).hasText("Tick tickets to change several at once.");
        console.locator("[data-testid=bulk-select-page]").check();
        assertThat(count).hasText("25 chosen");
        console.locator("[data-testid=bulk-select-matching]").click();
        assertThat(count).hasText("All 26 tickets of this view chosen");
        console.selectOption("[data-testid=bulk-action]", "tag");
        console.fill("[data-testid=bulk-choice-tag]", "outage-s2");
        apply.click();
        assertThat(job).hasAttribute("data-finished", "true");
        assertThat(job.locator("[data-testid=bulk-summary]")).hasText("Add a tag “outage-s2”: 26 tickets");
        assertThat(job.locator("[data-testid=bulk-counts]")).hasText("Finished: 26 of 26 changed, 0 not changed");
        assertThat(job.locator("[data-testid=bulk-failure]")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(tickets.head(opened.getFirst().id()).tags())
                .as("the oldest ticket, on the second page").containsExactly("outage-s2");

        // once the list is read again, a value that is not right is refused where the progress would be
        assertThat(count).hasText("Tick tickets to change several at once.");
        console.locator("[data-testid=bulk-select-page]").check();
        console.selectOption("[data-testid=bulk-action]", "tag");
        console.fill("[data-testid=bulk-choice-tag]", "two words");
        apply.click();
        assertThat(console.locator("[data-testid=bulk-refused]"))
                .containsText("A tag is 1 to 40 letters, digits, dots, dashes or underscores.");

        context.close();
    }

    private static Locator row(Page console, TicketView ticket) {
        return console.locator("[data-testid=ticket-row][data-ticket-number='" + ticket.number() + "']");
    }
}

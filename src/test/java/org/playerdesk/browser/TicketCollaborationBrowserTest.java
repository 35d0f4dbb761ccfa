package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.Notifications;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Two agents on one ticket, each in a browser of their own and a language of their own: each sees
 * the other viewing it, and replying as soon as they type; the reply of the one who sends second
 * is held back with the other's name and its draft kept, until "send anyway"; a note's @ suggests
 * colleagues, chosen with the keyboard, and the colleague mentioned is notified with a link to the
 * note. No page shows a script error or a refused inline script or style.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class TicketCollaborationBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Notifications notifications;

    private StaffMember member(String name, String locale, GameInfo game) {
        return staff.enrol(TestWorkspace.unique("u"), name, TestWorkspace.PASSWORD, StaffRole.AGENT_L1, locale,
                Set.of(game.id()));
    }

    /** Script errors and refused inline scripts or styles of the page, collected as they happen. */
    private static List<String> problemsOf(Page page) {
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onPageError(problems::add);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add(message.text());
            }
        });
        return problems;
    }

    private long mentions(StaffMember member) {
        return notifications.recent(member.id(), 50).stream().filter(n -> "ticket.mention".equals(n.kind())).count();
    }

    @Test
    void twoAgentsSeeEachOtherAreWarnedOfAReplySentMeanwhileAndMentionAColleague() {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", "zh-CN", game);
        StaffMember wang = member("Wang Lei", "en", game);
        StaffMember zhao = member("小赵", "zh-CN", game);
        member("外人", "zh-CN", workspace.game());
        Opened opened = workspace.ticket(game, "p-1", "bug");
        String base = "http://localhost:" + port;
        String ticketPage = base + "/console/tickets/" + opened.ticket().id();

        BrowserContext linDesk = session.desktop("zh-CN");
        BrowserContext wangDesk = session.desktop("en");
        Page linPage = signIn(linDesk, base, lin);
        Page wangPage = signIn(wangDesk, base, wang);
        List<String> linProblems = problemsOf(linPage);
        List<String> wangProblems = problemsOf(wangPage);
        linPage.navigate(ticketPage);
        wangPage.navigate(ticketPage);

        // each sees the other viewing the ticket, in their own language
        Locator wangSeenByLin = linPage.locator("[data-testid=presence-colleague]");
        Locator linSeenByWang = wangPage.locator("[data-testid=presence-colleague]");
        assertThat(wangSeenByLin).hasText("Wang Lei 正在查看此工单");
        assertThat(linSeenByWang).hasText("小林 is viewing this ticket");
        assertThat(linSeenByWang).hasAttribute("data-activity", "viewing");

        // typing in the reply box is replying; emptying it again is viewing
        wangPage.locator("[data-testid=reply-body]").fill("We are on it, please wait a moment.");
        assertThat(wangSeenByLin).hasText("Wang Lei 正在回复此工单");
        assertThat(wangSeenByLin).hasAttribute("data-activity", "replying");
        linPage.locator("[data-testid=reply-body]").fill("您好，我们正在处理。");
        assertThat(linSeenByWang).hasText("小林 is replying to this ticket");

        // Wang sends first: 小林's page says so while she is still typing
        wangPage.locator("[data-testid=reply-send]").click();
        assertThat(wangPage.locator("[data-testid=message]")).hasCount(2);
        assertThat(linPage.locator("[data-testid=presence-unseen]")).containsText("Wang Lei 已回复");

        // 小林's reply is held back: who wrote, their message shown, her draft kept
        linPage.locator("[data-testid=reply-send]").click();
        assertThat(linPage.locator("[data-testid=stale-warning]")).containsText("未发送");
        assertThat(linPage.locator("[data-testid=stale-author]")).hasText("Wang Lei 已回复");
        assertThat(linPage.locator("[data-testid=message]")).hasCount(2);
        assertThat(linPage.locator("[data-testid=message-body]").last()).hasText("We are on it, please wait a moment.");
        assertThat(linPage.locator("[data-testid=reply-body]")).hasValue("您好，我们正在处理。");
        assertThat(tickets.details(opened.ticket().id(), true).messages()).hasSize(2);

        linPage.locator("[data-testid=reply-send-anyway]").click();
        assertThat(linPage.locator("[data-testid=message]")).hasCount(3);
        assertThat(linPage.locator("[data-testid=stale-warning]")).hasCount(0);
        assertThat(linPage.locator("[data-testid=message-body]").last()).hasText("您好，我们正在处理。");

        // a note: @ suggests the colleagues serving the game (administrators serve every game,
        // so the list is narrowed by a part of the name); the keyboard chooses
        wangPage.locator("#note > summary").click();
        Locator note = wangPage.locator("[data-testid=note-body]");
        note.click();
        note.pressSequentially("Please check the recharge log @");
        Locator options = wangPage.locator("[data-testid=mention-option]");
        assertThat(wangPage.locator("[data-testid=mention-list]")).isVisible();
        note.pressSequentially("小");
        // 外人 serves another game, and Wang does not mention himself
        assertThat(options).hasCount(2);
        assertThat(options.nth(0)).containsText("小林");
        assertThat(options.nth(1)).containsText("小赵");
        wangPage.keyboard().press("ArrowDown");
        assertThat(options.nth(1)).hasAttribute("aria-selected", "true");
        wangPage.keyboard().press("ArrowUp");
        assertThat(options.nth(0)).hasAttribute("aria-selected", "true");
        wangPage.keyboard().press("Escape");
        assertThat(wangPage.locator("[data-testid=mention-list]")).isHidden();
        note.pressSequentially("林");
        assertThat(options).hasCount(1);
        wangPage.keyboard().press("Enter");
        assertThat(note).hasValue("Please check the recharge log @" + lin.username() + " ");
        assertThat(wangPage.locator("[data-testid=mention-list]")).isHidden();
        note.pressSequentially("thanks");
        wangPage.locator("[data-testid=note-send]").click();
        assertThat(wangPage.locator("[data-testid=message]")).hasCount(4);

        // 小林 is told, and the notice opens the note
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions(lin) == 1);
        assertThat(mentions(zhao)).isZero();
        linPage.navigate(base + "/console/notifications");
        Locator notice = linPage.locator("[data-testid=notification] a",
                new Page.LocatorOptions().setHasText("Wang Lei 在工单 #" + opened.ticket().number()));
        assertThat(notice).hasCount(1);
        notice.click();
        // (a regular expression Playwright can hand to the browser: the id is hex digits and dashes)
        assertThat(linPage).hasURL(Pattern.compile("/console/tickets/" + opened.ticket().id() + "#message-[0-9a-f-]+$"));
        assertThat(linPage.locator("[data-testid=message]").last()).hasAttribute("id",
                linPage.url().substring(linPage.url().indexOf('#') + 1));

        assertThat(linProblems).as("小林's pages").isEmpty();
        assertThat(wangProblems).as("Wang's pages").isEmpty();
        linDesk.close();
        wangDesk.close();
    }
}

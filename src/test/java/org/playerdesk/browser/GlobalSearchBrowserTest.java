package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The search box of the top bar, on every console page: a ticket number opens the ticket, a player's
 * account opens the player, words list the tickets holding them, all within the reader's games.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class GlobalSearchBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketFinder finder;

    @Test
    void theTopBarFindsATicketByNumberAPlayerByAccountAndTicketsByWords() {
        GameInfo game = workspace.game();
        GameInfo notServed = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String account = TestWorkspace.unique("acct");
        Opened first = workspace.ticket(game, "gs-first", "bug");
        Opened recharge = open(game, account, "钻石充值没有到账", "昨天充值的钻石一直没到账");
        Opened other = open(game, "gs-other", "登录失败", "钻石商城打不开，充值页面白屏");
        String foreign = TestWorkspace.unique("foreign");
        open(notServed, foreign, "钻石充值失败", "另一个游戏的钻石充值");
        await().atMost(Duration.ofSeconds(30)).until(() -> finder.find(Set.of(game.id(), notServed.id()), "钻石", 10)
                .size() == 3);
        String base = "http://localhost:" + port;

        BrowserContext context = session.desktop("zh-CN");
        Page console = signIn(context, base, agent);
        console.navigate(base + "/console/players?lang=zh-CN");

        search(console, String.valueOf(recharge.ticket().number()));
        assertThat(console).hasURL(Pattern.compile("/console/tickets/" + recharge.ticket().id() + "$"));
        assertThat(console.locator("[data-testid=ticket-subject]")).hasText("钻石充值没有到账");

        search(console, "#" + first.ticket().number());
        assertThat(console).hasURL(Pattern.compile("/console/tickets/" + first.ticket().id() + "$"));

        search(console, account);
        assertThat(console).hasURL(Pattern.compile("/console/players/[0-9a-f-]{36}$"));
        assertThat(console.locator("body")).containsText(account);

        search(console, "钻石");
        assertThat(console).hasURL(Pattern.compile("/console/search\\?q="));
        assertThat(console.locator("[data-testid=search-ticket]")).hasCount(2);
        assertThat(console.locator("[data-testid=search-tickets]")).containsText("钻石充值没有到账");
        assertThat(console.locator("[data-testid=search-tickets]")).containsText("登录失败");
        assertThat(console.locator("[data-testid=search-tickets]")).not().containsText("钻石充值失败");
        console.locator("[data-testid=search-ticket][data-ticket-number='" + other.ticket().number() + "']").click();
        assertThat(console).hasURL(Pattern.compile("/console/tickets/" + other.ticket().id() + "$"));

        // in English, and nothing of a game the agent does not serve
        console.navigate(base + "/console/tickets?lang=en");
        search(console, foreign);
        assertThat(console.locator("[data-testid=search-none]"))
                .hasText("Nothing found for “" + foreign + "” in your games.");
        assertThat(console.locator("[data-testid=global-search]")).hasAttribute("placeholder", "Search");
        context.close();
    }

    private Opened open(GameInfo game, String account, String subject, String body) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account, "S1", null), "payment",
                null, null, subject, body, null, Map.of(), true), List.of());
    }

    private static void search(Page console, String words) {
        console.fill("[data-testid=global-search]", words);
        console.press("[data-testid=global-search]", "Enter");
        console.waitForLoadState();
    }
}

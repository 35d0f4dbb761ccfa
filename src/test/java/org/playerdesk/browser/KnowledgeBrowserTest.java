package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.KnowledgeImport;
import org.playerdesk.knowledge.internal.ReplyKit;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The knowledge scripts in headless Chromium: suggestions appear while a player types in the
 * help-center form (knowledge.js); in the reply kit (reply-kit.js) Alt+R, a few letters and
 * Enter insert a canned reply with its variables filled, and a forbidden phrase is warned about
 * before anything is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class KnowledgeBrowserTest {

    private static BrowserSession session;

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeImport knowledge;
    @Autowired
    ReplyKit kit;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;

    @BeforeAll
    static void startBrowser() {
        session = BrowserSession.startOrSkip();
    }

    @AfterAll
    static void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void suggestionsAppearWhileThePlayerTypesTheTicket() {
        GameInfo game = workspace.game();
        knowledge.publish(game.id(), "zh-CN", "充值", Audience.PUBLIC, false, "充值没到账怎么办",
                "请在充值后等待五分钟，仍未到账请提供订单号。", "test");
        BrowserContext phone = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN"));
        Page player = phone.newPage();
        player.navigate("http://localhost:" + port + "/help/" + game.code());
        assertThat(player.locator("[data-testid=kb-suggestion]")).hasCount(0);
        player.locator("[name=subject]").pressSequentially("充值没到账", new com.microsoft.playwright.Locator
                .PressSequentiallyOptions().setDelay(50));
        // generous: the suggestion waits for the player to pause (400 ms), then asks the server
        assertThat(player.locator("[data-testid=kb-suggestion]").first()).containsText("充值没到账怎么办",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(player.locator("[data-testid=kb-suggestion]").first()).hasAttribute("href",
                java.util.regex.Pattern.compile("\\?from=form$"));
        phone.close();
    }

    @Test
    void theReplyKitInsertsACannedReplyByItsShortcutAndWarnsOfAForbiddenPhrase() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        kit.addReply(game.id(), "zh-CN", "greeting", "专属问候", "您好，{player.nickname}，工单 {ticket.number} 由我跟进。");
        kit.addReply(game.id(), "en", "greeting", "专属问候", "Hello {player.nickname}, ticket {ticket.number} is mine.");
        Opened opened = desk.open(new NewTicket(game.id(), new PlayerIdentity("acc-77", "铁血战神", "S1", null), "bug",
                "web", null, "副本进不去", "一直提示网络错误", null, Map.of(), false), List.of());

        BrowserContext desktop = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN"));
        Page console = desktop.newPage();
        String base = "http://localhost:" + port;
        console.navigate(base + "/console");
        console.fill("[name=username]", agent.username());
        console.fill("[name=password]", TestWorkspace.PASSWORD);
        console.click("[data-testid=login-submit]");
        console.navigate(base + "/console/tickets/" + opened.ticket().id());

        console.locator("[data-testid=reply-body]").click();
        console.keyboard().press("Alt+r");
        assertThat(console.locator("[data-testid=kb-reply-filter]")).isFocused();
        console.keyboard().type("专属");
        console.keyboard().press("Enter");
        assertThat(console.locator("[data-testid=reply-body]")).hasValue(java.util.regex.Pattern.compile(
                "(您好，铁血战神，工单 #" + opened.ticket().number() + " 由我跟进。|Hello 铁血战神, ticket #"
                        + opened.ticket().number() + " is mine\\.)"));

        List<String> dialogs = new ArrayList<>();
        console.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        console.fill("[data-testid=reply-body]", "这个问题你懂不懂？");
        console.click("[data-testid=reply-send]");
        console.waitForTimeout(500);
        assertThat(dialogs).hasSize(1);
        assertThat(dialogs.getFirst()).contains("你懂不懂");
        assertThat(tickets.details(opened.ticket().id(), true).messages()).hasSize(1);
        desktop.close();
    }
}

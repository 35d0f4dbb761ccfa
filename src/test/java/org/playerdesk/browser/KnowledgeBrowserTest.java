package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The knowledge scripts in headless Chromium: suggestions appear while a player types in the
 * help-center form (knowledge.js); in the reply kit (reply-kit.js) Alt+R, a few letters and
 * Enter insert a canned reply with its variables filled, and a forbidden phrase is warned about
 * before anything is sent.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class KnowledgeBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

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

        BrowserContext desktop = session.desktop("zh-CN");
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

        console.fill("[data-testid=reply-body]", "这个问题你懂不懂？");
        assertThat(confirming(console, false, () -> console.click("[data-testid=reply-send]"))).contains("你懂不懂");
        assertThat(tickets.details(opened.ticket().id(), true).messages()).hasSize(1);
        desktop.close();
    }

    @Test
    void cannedRepliesInThePlayersLanguageComeFirstAndTheirBlanksMustBeFilledBeforeSending() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        kit.addReply(game.id(), "zh-CN", "reply", "封号说明", "您的账号在**月**日由于******被封禁。");
        kit.addReply(game.id(), "en", "reply", "封号说明", "Your account was banned on **/** for ******.");
        Opened english = desk.open(new NewTicket(game.id(), new PlayerIdentity("acc-78", "Nightfall", "S1", null), "ban_appeal",
                "web", null, "Why was I banned", "I did nothing wrong", null, Map.of("language", "en-US"), false), List.of());
        Opened chinese = workspace.ticket(game, "acc-79", "ban_appeal");

        BrowserContext desktop = session.desktop("zh-CN");
        Page console = signIn(desktop, "http://localhost:" + port, agent);
        Locator box = console.locator("[data-testid=reply-body]");
        Locator explanation = console.locator("[data-testid=kb-reply]", new Page.LocatorOptions().setHasText("封号说明"));

        // a game in Chinese: its player's ticket offers the Chinese text first
        console.navigate("http://localhost:" + port + "/console/tickets/" + chinese.ticket().id());
        assertThat(explanation.first()).hasAttribute("data-locale", "zh-CN");

        // a player who plays in English: the English text first; inserting it selects its first blank
        console.navigate("http://localhost:" + port + "/console/tickets/" + english.ticket().id());
        assertThat(explanation.first()).hasAttribute("data-locale", "en");
        explanation.first().click();
        assertThat(box).hasValue("Your account was banned on **/** for ******.");
        assertThat(box).isFocused();
        console.keyboard().type("3");
        console.keyboard().press("Tab");
        console.keyboard().type("12");
        assertThat(box).hasValue("Your account was banned on 3/12 for ******.");

        // a blank left: nothing is sent, the blank is marked and selected
        console.click("[data-testid=reply-send]");
        assertThat(console.locator("[data-testid=reply-blanks]")).isVisible();
        assertThat(console.locator("[data-testid=reply-blanks]")).containsText("1");
        assertThat(console.locator("[data-testid=reply-blank]")).hasCount(1);
        assertThat(console.locator("[data-testid=reply-blank]")).hasText("******");
        assertThat(box).isFocused();
        console.keyboard().type("cheating");
        assertThat(console.locator("[data-testid=reply-blanks]")).isHidden();
        assertThat(box).hasValue("Your account was banned on 3/12 for cheating.");

        // with nothing left to fill in, Tab leaves the reply box as usual, and the reply is sent
        console.keyboard().press("Tab");
        assertThat(box).not().isFocused();
        console.click("[data-testid=reply-send]");
        assertThat(console.locator("[data-testid=message-body]").last()).containsText("banned on 3/12 for cheating");
        desktop.close();
    }
}

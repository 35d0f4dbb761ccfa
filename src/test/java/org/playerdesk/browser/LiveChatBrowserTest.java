package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatView;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * Live chat in two headless Chromium pages: a game's page embeds the widget with an identity
 * the game signed; the agent sets themself online in the console and accepts; they write both
 * ways; the player rates the chat; the transcript is on the ticket.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class LiveChatBrowserTest {

    private static final String SECRET = "browser-test-secret-0123456789";
    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    ChatDesk desk;
    @Autowired
    ChatQueue queue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    Clock clock;
    @Autowired
    KnowledgeTestArticles articles;

    @Test
    void playerChatsWithAnAgentRatesTheChatAndTheTranscriptIsOnTheTicket() {
        GameInfo game = workspace.game();
        rulebook.configure(game.id(), SECRET, false, null, null, null, null);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;

        // The agent, on a 1366x768 screen, online with three seats.
        BrowserContext deskContext = session.desktop("zh-CN");
        Page console = deskContext.newPage();
        console.navigate(base + "/console");
        console.fill("[name=username]", agent.username());
        console.fill("[name=password]", TestWorkspace.PASSWORD);
        console.click("[data-testid=login-submit]");
        console.navigate(base + "/console/chat");
        assertThat(console.locator("[data-testid=chat-connection]")).hasText("已连接");
        console.selectOption("[data-testid=chat-presence]", "online");
        Response saved = console.waitForResponse(r -> r.url().endsWith("/console/chat/presence"),
                () -> console.click("[data-testid=chat-presence-save]"));
        org.assertj.core.api.Assertions.assertThat(saved.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(saved.text()).contains("\"presence\":\"online\"");
        assertThat(console.locator("[data-testid=chat-presence]")).hasValue("online");
        assertThat(console.locator("[data-testid=chat-seats]")).containsText("0 / 3");

        // The player, in a phone-sized web view of the game's page.
        BrowserContext phone = phone();
        Page player = gamePage(phone, base, game);
        player.click("[data-testid=chat-open]");
        player.fill("[data-testid=chat-input]", "我的坐骑<b>不见了</b>");
        player.click("[data-testid=chat-send]");
        assertThat(player.locator("[data-testid=chat-status]")).containsText("第 1 位");

        // The queue updates without reloading; the agent accepts.
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("1");
        assertThat(console.locator("[data-testid=chat-offer]")).isVisible();
        Response accepted = console.waitForResponse(r -> r.url().endsWith("/accept"),
                () -> console.click("[data-testid=chat-accept]"));
        org.assertj.core.api.Assertions.assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(console.locator("[data-testid=chat-card]")).hasCount(1);
        // nothing waits any more: no banner says a chat is waiting
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("0");
        assertThat(console.locator("[data-testid=chat-offer]")).isHidden();
        assertThat(console.locator("[data-testid=chat-card] [data-testid=chat-lines]"))
                .containsText("我的坐骑<b>不见了</b>");
        assertThat(player.locator("[data-testid=chat-status]")).containsText("测试客服");
        // beside the conversation, the player in brief: tier, game account, recent tickets, in the reader's language
        Locator card = console.locator("[data-testid=chat-card] [data-testid=chat-player-card]");
        assertThat(card).hasAttribute("data-loaded", "true");
        assertThat(card.locator("summary")).hasText("玩家信息");
        assertThat(card.locator("[data-testid=player-tier]")).isVisible();
        assertThat(card.locator("[data-testid=chat-player-tickets]")).isAttached();
        assertThat(card.locator("[data-testid=chat-player-page]")).hasText("玩家页面");

        console.fill("[data-testid=chat-reply]", "您好，我帮您查询下！");
        console.click("[data-testid=chat-card] [data-testid=chat-send]");
        assertThat(player.locator("[data-testid=chat-lines]")).containsText("您好，我帮您查询下！");

        player.fill("[data-testid=chat-input]", "好的，谢谢");
        player.click("[data-testid=chat-send]");
        assertThat(console.locator("[data-testid=chat-card] [data-testid=chat-lines]")).containsText("好的，谢谢");
        assertThat(player.locator("[data-testid=chat-lines] .pdc-player").last()).containsText("已读");

        ChatView chat = seats.active(agent).getFirst();

        // The player ends the chat and rates it.
        player.click("[data-testid=chat-end]");
        // the game's own survey question and the reasons it offers, in the player's language
        assertThat(player.locator("[data-testid=chat-rating-question]")).containsText("满意");
        assertThat(player.locator("[data-testid=chat-rating-reasons]")).containsText("等待时间太长");
        player.click("[data-testid=chat-star-4]");
        player.check("[data-testid=chat-reason-slow]");
        player.fill("[data-testid=chat-rating-comment]", "回复很快");
        player.click("[data-testid=chat-rating-submit]");
        assertThat(player.locator("[data-testid=chat-notice]")).containsText("感谢您的评价");
        assertThat(console.locator("[data-testid=chat-card]")).hasCount(0);
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("0");
        assertThat(console.locator("[data-testid=chat-offer]")).isHidden();

        // The transcript, on the chat's ticket.
        console.navigate(base + "/console/tickets/" + chat.ticketId());
        assertThat(console.locator("[data-testid=message-body]")).containsText(new String[] {
            "我的坐骑<b>不见了</b>", "您好，我帮您查询下！", "好的，谢谢", "Chat rating: 4/5" });
        phone.close();
        deskContext.close();
    }

    @Test
    void theWaitingChatBannerGoesWhenTheChatEndsBeforeAnyoneAcceptsIt() {
        GameInfo game = workspace.game();
        rulebook.configure(game.id(), SECRET, false, null, null, null, null);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;

        BrowserContext deskContext = session.desktop("zh-CN");
        Page console = onlineAtTheChatDesk(deskContext, base, agent);
        assertThat(console.locator("[data-testid=chat-offer]")).isHidden();

        BrowserContext phone = phone();
        Page player = gamePage(phone, base, game);
        player.click("[data-testid=chat-open]");
        player.fill("[data-testid=chat-input]", "在吗？");
        player.click("[data-testid=chat-send]");
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("1");
        assertThat(console.locator("[data-testid=chat-offer]")).isVisible();

        // the player gives up before an agent accepts: the queue is empty, and so is the banner
        ChatView waiting = queue.waiting(agent).getFirst();
        desk.end(waiting.id(), Sender.player(waiting.id()));
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("0");
        assertThat(console.locator("[data-testid=chat-offer]")).isHidden();
        phone.close();
        deskContext.close();
    }

    @Test
    void theBotsAnswerSolvesOnePlayersProblemAndTheOtherTalksToAnAgentWhoSeesWhatTheBotOffered() {
        GameInfo game = workspace.game();
        rulebook.configure(game.id(), SECRET, false, null, null, null, null);
        articles.publish(game, "zh-CN", "充值未到账怎么办", "请提供订单号和充值时间，我们会为您补发。");
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;

        BrowserContext deskContext = session.desktop("zh-CN");
        Page console = onlineAtTheChatDesk(deskContext, base, agent);

        // the first player's question is answered by the article: no agent is asked
        BrowserContext phone = phone();
        Page player = gamePage(phone, base, game);
        player.click("[data-testid=chat-open]");
        player.fill("[data-testid=chat-input]", "充值未到账怎么办？");
        player.click("[data-testid=chat-send]");
        Locator answer = player.locator("[data-testid=chat-bot-answer]");
        assertThat(answer).containsText("充值未到账怎么办");
        assertThat(answer.locator("a")).hasAttribute("href", java.util.regex.Pattern.compile("/help/" + game.code()
                + "/articles/"));
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("0");
        player.click("[data-testid=chat-bot-solved]");
        assertThat(player.locator("[data-testid=chat-status]")).containsText("会话已结束");
        assertThat(player.locator("[data-testid=chat-notice]")).containsText("很高兴帮到您");
        // the end of the chat as any other: the game's survey
        assertThat(player.locator("[data-testid=chat-rating-question]")).containsText("满意");
        assertThat(player.locator("[data-testid=chat-bot-solved]")).isHidden();
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("0");
        phone.close();

        // the second player wants an agent: the chat queues, and the agent sees what the bot offered
        BrowserContext other = phone();
        Page second = gamePage(other, base, game);
        second.click("[data-testid=chat-open]");
        second.fill("[data-testid=chat-input]", "充值未到账怎么办");
        second.click("[data-testid=chat-send]");
        assertThat(second.locator("[data-testid=chat-bot-answer]")).containsText("充值未到账怎么办");
        second.click("[data-testid=chat-bot-agent]");
        assertThat(second.locator("[data-testid=chat-status]")).containsText("第 1 位");
        assertThat(second.locator("[data-testid=chat-bot-agent]")).isHidden();
        assertThat(console.locator("[data-testid=chat-queue-count]")).hasText("1");
        console.waitForResponse(r -> r.url().endsWith("/accept"), () -> console.click("[data-testid=chat-accept]"));
        Locator attempt = console.locator("[data-testid=chat-card] [data-testid=chat-bot-attempt]");
        assertThat(attempt).containsText("充值未到账怎么办");
        assertThat(attempt).containsText("玩家要求转人工");
        assertThat(second.locator("[data-testid=chat-status]")).containsText("测试客服");
        other.close();
        deskContext.close();
    }

    /** A phone-sized browser, in Chinese. */
    private BrowserContext phone() {
        return session.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN"));
    }

    /** The game's page with the chat widget, for a player the game's server signed in. */
    private Page gamePage(BrowserContext phone, String base, GameInfo game) {
        Page page = phone.newPage();
        page.navigate(base + "/chat/assets/test-game.html?" + signedIdentity(game));
        return page;
    }

    /** An agent signed in at the chat desk, connected and online. */
    private Page onlineAtTheChatDesk(BrowserContext deskContext, String base, StaffMember agent) {
        Page console = signIn(deskContext, base, agent);
        console.navigate(base + "/console/chat");
        assertThat(console.locator("[data-testid=chat-connection]")).hasText("已连接");
        console.selectOption("[data-testid=chat-presence]", "online");
        console.waitForResponse(r -> r.url().endsWith("/console/chat/presence"),
                () -> console.click("[data-testid=chat-presence-save]"));
        return console;
    }

    /** What the game's server puts in its page: the player's identity, signed with the game's secret. */
    private String signedIdentity(GameInfo game) {
        ChatIdentity identity = new ChatIdentity(game.code(), "acc-" + UUID.randomUUID().toString().substring(0, 8),
                "小明", 5, "S2", clock.millis() / 1000, null).signedWith(SECRET);
        return "game=" + identity.game() + "&accountId=" + identity.accountId() + "&nickname="
                + URLEncoder.encode(identity.nickname(), StandardCharsets.UTF_8) + "&vipLevel=" + identity.vipLevel()
                + "&server=" + identity.server() + "&timestamp=" + identity.timestamp() + "&signature="
                + identity.signature();
    }
}

package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * The reply checks in headless Chromium: what the server's checks find in a draft is listed under
 * the reply box while the agent types, on the ticket page (reply-checks.js) and in the live-chat
 * console (chat/console.js); the sent reply keeps its findings marked on its message, and a line a
 * blocking check refuses goes back into its box with the reason.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class ReplyChecksBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketQueries tickets;
    @Autowired
    CannedReplies replies;
    @Autowired
    ChatDesk chats;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDraftWithAForbiddenPhraseIsFlaggedWhileTypedAndItsMessageKeepsTheFindings() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID ticket = workspace.ticket(game, "qa-b1", "bug").ticket().id();
        // the game's default forbidden phrases come when it is registered
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !replies.forbiddenIn(game.id(), "你懂不懂").isEmpty());

        BrowserContext desktop = session.desktop("zh-CN");
        Page console = signIn(desktop, "http://localhost:" + port, agent);
        console.navigate("http://localhost:" + port + "/console/tickets/" + ticket);
        assertThat(console.locator("[data-testid=reply-findings]")).isHidden();
        console.locator("[data-testid=reply-body]").pressSequentially("嗯，这个问题你懂不懂？");
        // the list follows a pause in typing and the server's answer
        LocatorAssertions.ContainsTextOptions patient = new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
        assertThat(console.locator("[data-testid=reply-findings] [data-finding=forbidden-phrase]"))
                .containsText("服务忌语“你懂不懂”", patient);
        assertThat(console.locator("[data-testid=reply-findings] [data-finding=vague-word]")).containsText("嗯");
        assertThat(console.locator("[data-testid=reply-findings] [data-finding=no-greeting]")).hasCount(1);

        // a polite draft has nothing to list
        console.fill("[data-testid=reply-body]", "您好，已为您处理，请重新登录查看。");
        assertThat(console.locator("[data-testid=reply-findings]")).isHidden(
                new LocatorAssertions.IsHiddenOptions().setTimeout(20_000));

        // sent anyway (a warning): the message shows what was found
        console.fill("[data-testid=reply-body]", "嗯，这个问题你懂不懂？");
        assertThat(confirming(console, true, () -> console.click("[data-testid=reply-send]"))).contains("你懂不懂");
        assertThat(console.locator("[data-testid=message]").last().locator("[data-finding=forbidden-phrase]"))
                .containsText("服务忌语“你懂不懂”");
        assertThat(tickets.details(ticket, true).messages()).hasSize(2);
        desktop.close();
    }

    @Test
    void aChatLineWithAForbiddenPhraseIsFlaggedWhileTypedAndRefusedWhenTheGameBlocksIt() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !replies.forbiddenIn(game.id(), "你懂不懂").isEmpty());
        // the game blocks forbidden phrases (as an administrator sets at /console/quality/checks)
        jdbc.update("insert into quality_check_severity (game_id, check_code, severity, updated_at) "
                + "values (?, 'forbidden-phrase', 'block', current_timestamp)", game.id());
        UUID chat = workspace.liveChat(game, agent, "钻石没到账");

        BrowserContext desktop = session.desktop("zh-CN");
        Page console = signIn(desktop, "http://localhost:" + port, agent);
        console.navigate("http://localhost:" + port + "/console/chat");
        var card = console.locator("[data-testid=chat-card]");
        assertThat(card).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        assertThat(card.locator("[data-testid=chat-findings]")).isHidden();
        card.locator("[data-testid=chat-reply]").pressSequentially("这个问题你懂不懂");
        LocatorAssertions.ContainsTextOptions patient = new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
        assertThat(card.locator("[data-testid=chat-findings] [data-finding=forbidden-phrase]"))
                .containsText("服务忌语“你懂不懂”", patient);
        assertThat(card.locator("[data-testid=chat-findings] [data-finding=forbidden-phrase]")).hasClass("text-danger");
        // the first line of the chat should greet: a warning
        assertThat(card.locator("[data-testid=chat-findings] [data-finding=no-greeting]")).hasCount(1);

        // sent anyway, the line is refused, said why, and back in its box to edit
        card.locator("[data-testid=chat-send]").click();
        assertThat(console.locator("#chat-error")).containsText("服务忌语“你懂不懂”", patient);
        assertThat(card.locator("[data-testid=chat-reply]")).hasValue("这个问题你懂不懂");
        assertThat(card.locator("[data-testid=chat-lines] .from-agent")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(chats.history(chat, 0)).hasSize(1);

        // edited, it is sent
        card.locator("[data-testid=chat-reply]").fill("您好，请问是哪个角色的钻石没到账？");
        card.locator("[data-testid=chat-send]").click();
        assertThat(card.locator("[data-testid=chat-lines] .from-agent")).hasCount(1,
                new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        desktop.close();
    }
}

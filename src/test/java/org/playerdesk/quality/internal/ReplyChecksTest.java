package org.playerdesk.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.Sender;
import org.playerdesk.chat.internal.ChatTranscripts;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Severity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every agent reply sent from the ticket page, and every line an agent sends in a live chat, is
 * checked on the server: what the checks find is stored with the message and marked on it
 * ({@code data-finding}), in the reader's language; a check the game made blocking refuses the
 * reply, which is not written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class ReplyChecksTest {

    private static final Pattern MESSAGE = Pattern.compile("<article class=\"message[^\"]*\"[^>]*>(.*?)</article>",
            Pattern.DOTALL);
    private static final Pattern FINDING = Pattern.compile("data-finding=\"([a-z-]+)\"[^>]*>([^<]*)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;
    @Autowired
    CannedReplies replies;
    @Autowired
    CheckSettings severities;
    @Autowired
    ChatDesk chats;
    @Autowired
    ChatTranscripts transcripts;
    @Autowired
    StoppedClock clock;

    @Test
    void aReplyIsCheckedOnTheServerAndItsFindingsAreMarkedOnItsMessage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID ticket = workspace.ticket(game, "qa-1", "payment").ticket().id();

        send(ticket, agent, "嗯，你的充值好像已经到账了。", Locale.SIMPLIFIED_CHINESE);
        // the player's own words are not checked
        desk.reply(ticket, Actor.player(queries.head(ticket).playerId(), "玩家"), "好像还是没有到账", List.of(), null);
        // a later reply, polite and in the middle of the conversation, has nothing to find
        send(ticket, agent, "您好，已为您补发，请重新登录查看。", Locale.SIMPLIFIED_CHINESE);

        List<List<String[]>> messages = findings(page(ticket, agent, Locale.SIMPLIFIED_CHINESE));
        // the player's opening message, the agent's first reply, the player's answer, the agent's second reply
        assertThat(messages).hasSize(4);
        assertThat(messages.get(1)).extracting(f -> f[0]).containsExactlyInAnyOrder("vague-word", "vague-word",
                "no-greeting", "no-honorific");
        assertThat(messages.get(1)).extracting(f -> f[1]).contains("模糊用语“好像”", "模糊用语“嗯”", "会话开始时没有问候语");
        assertThat(messages.get(0)).isEmpty();
        assertThat(messages.get(2)).isEmpty();
        assertThat(messages.get(3)).isEmpty();
        // in English for a reader who reads English
        assertThat(findings(page(ticket, agent, Locale.ENGLISH)).get(1)).extracting(f -> f[1])
                .contains("Vague word “好像”", "No greeting at the start of the conversation");
    }

    @Test
    void aCheckTheGameMadeBlockingRefusesTheReplyAndNothingIsWritten() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID ticket = workspace.ticket(game, "qa-2", "account_other").ticket().id();
        // the game's default forbidden phrases come when it is registered
        await().atMost(Duration.ofSeconds(30)).until(() -> !replies.forbiddenIn(game.id(), "你懂不懂").isEmpty());
        severities.set(game.id(), ReplyCheck.FORBIDDEN_PHRASE, Severity.BLOCK);
        int before = queries.details(ticket, true).messages().size();

        MockHttpSession session = new MockHttpSession();
        send(ticket, agent, "您好，这是规定，请您理解。", Locale.SIMPLIFIED_CHINESE, session);
        String refused = mvc.perform(get("/console/tickets/" + ticket).session(session).with(user(new StaffUser(agent, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("该回复不能按原样发送（服务忌语“这是规定”），请修改后再发送。")
                // the draft is kept for editing
                .contains("这是规定，请您理解");
        assertThat(queries.details(ticket, true).messages()).hasSize(before);

        // a warning is sent and marked; switched off, the check finds nothing
        severities.set(game.id(), ReplyCheck.FORBIDDEN_PHRASE, Severity.WARN);
        send(ticket, agent, "您好，这是规定，请您理解。", Locale.SIMPLIFIED_CHINESE);
        severities.set(game.id(), ReplyCheck.FORBIDDEN_PHRASE, Severity.OFF);
        send(ticket, agent, "这是规定，请您理解。", Locale.SIMPLIFIED_CHINESE);
        List<List<String[]>> messages = findings(page(ticket, agent, Locale.SIMPLIFIED_CHINESE));
        assertThat(messages).hasSize(before + 2);
        assertThat(messages.get(before)).extracting(f -> f[0]).containsExactly("forbidden-phrase");
        assertThat(messages.get(before + 1)).isEmpty();
    }

    @Test
    void theReplyBoxAsksWhatTheChecksWouldFindInADraftAndNothingIsWritten() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID ticket = workspace.ticket(game, "qa-3", "bug").ticket().id();
        int before = queries.details(ticket, true).messages().size();

        String english = mvc.perform(post("/console/tickets/" + ticket + "/reply/check").param("body", "嗯，好像修好了。")
                .param("then", "resolved").with(user(new StaffUser(agent, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the first reply, resolving the ticket: no greeting, no closing, and two vague words
        assertThat(english).contains("{\"code\":\"vague-word\",\"blocks\":false,\"text\":\"Vague word “嗯”\"}",
                "\"code\":\"no-greeting\"", "\"code\":\"no-closing\"", "No closing line at the end of the conversation");
        String chinese = mvc.perform(post("/console/tickets/" + ticket + "/reply/check").param("body", "嗯，好像修好了。")
                .with(user(new StaffUser(agent, ""))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese).contains("模糊用语“好像”").doesNotContain("no-closing");
        // an empty draft has nothing to find; nothing was written
        assertThat(mvc.perform(post("/console/tickets/" + ticket + "/reply/check").param("body", " ")
                .with(user(new StaffUser(agent, ""))).with(csrf())).andReturn().getResponse().getContentAsString())
                .isEqualTo("{\"findings\":[]}");
        assertThat(queries.details(ticket, true).messages()).hasSize(before);
        // another game's agent cannot ask about this ticket
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        assertThat(mvc.perform(post("/console/tickets/" + ticket + "/reply/check").param("body", "嗯")
                .with(user(new StaffUser(stranger, ""))).with(csrf())).andReturn().getResponse().getStatus())
                .isIn(403, 404);
    }

    @Test
    void anAdministratorSetsWhatEachCheckDoesAndABadValueChangesNothing() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String page = mvc.perform(get("/console/quality/checks").param("game", game.code())
                .with(user(new StaffUser(admin, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("回复质检", "服务忌语", "模糊用语", "敬语“您”");
        assertThat(Pattern.compile("data-testid=\"check-row\"").matcher(page).results().count())
                .isEqualTo(ReplyCheck.values().length);

        mvc.perform(post("/console/quality/checks").param("game", game.code())
                .param("severity.forbidden-phrase", "block").param("severity.vague-word", "off")
                .with(user(new StaffUser(admin, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(severities.rules(game.id()).severity(ReplyCheck.FORBIDDEN_PHRASE)).isEqualTo(Severity.BLOCK);
        assertThat(severities.rules(game.id()).severity(ReplyCheck.VAGUE_WORD)).isEqualTo(Severity.OFF);
        // a check left out of the form warns
        assertThat(severities.rules(game.id()).severity(ReplyCheck.NO_GREETING)).isEqualTo(Severity.WARN);

        // a value that is no severity: said in the reader's language, and nothing is saved
        String refused = mvc.perform(post("/console/quality/checks").param("game", game.code())
                .param("severity.forbidden-phrase", "warn").param("severity.vague-word", "sometimes")
                .with(user(new StaffUser(admin, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("is-invalid");
        assertThat(severities.rules(game.id()).severity(ReplyCheck.FORBIDDEN_PHRASE)).isEqualTo(Severity.BLOCK);

        // the words are the game's to change, one per line; a limit must be a number, greetings cannot be emptied
        mvc.perform(post("/console/quality/checks").param("game", game.code()).param("severity.vague-word", "warn")
                .param("severity.forbidden-phrase", "block").param("words.zh.vague", "大概\n 差不多吧 \n\n大概")
                .param("limit.in_game", "120").with(user(new StaffUser(admin, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(severities.rules(game.id()).chinese().vague()).containsExactly("大概", "差不多吧");
        assertThat(severities.rules(game.id()).english().vague()).contains("maybe");
        assertThat(severities.rules(game.id()).lengthLimit("in_game")).isEqualTo(120);
        assertThat(severities.rules(game.id()).lengthLimit("chat")).isEqualTo(300);
        String badWords = mvc.perform(post("/console/quality/checks").param("game", game.code())
                .param("words.en.greetings", " \n ").param("limit.chat", "lots").param("limit.email", "-1")
                .param("words.zh.vague", "嗯").with(user(new StaffUser(admin, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badWords).contains("This must be given.", "This must be a whole number.", "This must be from 0 to 20,000.");
        assertThat(severities.rules(game.id()).chinese().vague()).containsExactly("大概", "差不多吧");
        assertThat(severities.rules(game.id()).lengthLimit("chat")).isEqualTo(300);

        // an agent may not change them; an administrator of other games does not find this one
        assertThat(mvc.perform(post("/console/quality/checks").param("game", game.code())
                .param("severity.forbidden-phrase", "off").with(user(new StaffUser(agent, ""))).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(severities.rules(game.id()).severity(ReplyCheck.FORBIDDEN_PHRASE)).isEqualTo(Severity.BLOCK);
    }

    @Test
    void anAgentsChatLinesAreCheckedWhenSentAndTheirFindingsGoWithThemToTheTicket() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID chat = workspace.liveChat(game, agent, "我的钻石没到账");
        Sender me = Sender.agent(new StaffUser(agent, ""));
        Sender player = Sender.player(chat);

        // the agent's first line should greet; 嗯 and 好像 are vague
        chats.post(chat, me, "a-1", "嗯，好像到账了", null);
        // the player shows they are typing: a line now interrupts them
        chats.typing(chat, player);
        clock.shift(Duration.ofSeconds(2));
        chats.post(chat, me, "a-2", "请您稍等。", null);
        // four seconds after their last sign they are not typing any more
        clock.shift(Duration.ofSeconds(5));
        chats.post(chat, me, "a-3", "请您重新登录看看。", null);
        // nor once they have sent their line
        chats.typing(chat, player);
        chats.post(chat, player, "p-2", "还是没有", null);
        chats.post(chat, me, "a-4", "x".repeat(301), null);
        chats.post(chat, me, "a-5", "好的，已经为您补发。", null);
        // the agent ends the chat: their last line has no closing
        chats.end(chat, me);

        UUID ticket = chats.view(chat).ticketId();
        List<List<String[]>> messages = findings(page(ticket, agent, Locale.SIMPLIFIED_CHINESE));
        assertThat(messages).hasSize(7);
        assertThat(messages.get(0)).isEmpty();
        assertThat(messages.get(1)).extracting(f -> f[0]).containsExactlyInAnyOrder("no-greeting", "vague-word",
                "vague-word");
        assertThat(messages.get(2)).extracting(f -> f[0]).containsExactly("player-interrupted");
        assertThat(messages.get(2)).extracting(f -> f[1]).containsExactly("玩家尚在输入时发送（打断玩家）");
        assertThat(messages.get(3)).isEmpty();
        assertThat(messages.get(4)).isEmpty();
        assertThat(messages.get(5)).extracting(f -> f[1]).containsExactly("超出渠道的长度限制（301/300 字）");
        assertThat(messages.get(6)).extracting(f -> f[0]).containsExactly("no-closing");
    }

    @Test
    void aChatLineABlockingCheckFindsIsRefusedAndTheClosingCheckReachesALineAlreadyOnTheTicket() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        await().atMost(Duration.ofSeconds(30)).until(() -> !replies.forbiddenIn(game.id(), "你懂不懂").isEmpty());
        severities.set(game.id(), ReplyCheck.FORBIDDEN_PHRASE, Severity.BLOCK);
        UUID chat = workspace.liveChat(game, agent, "怎么又封号了");
        Sender me = Sender.agent(new StaffUser(agent, ""));

        assertThatThrownBy(() -> chats.post(chat, me, "a-1", "您好，这是规定。", null))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.code())
                        .isEqualTo("ticket.reply.blocked"));
        assertThat(chats.history(chat, 0)).hasSize(1);

        // the game lets lines be a thousand characters long on chat
        mvc.perform(post("/console/quality/checks").param("game", game.code()).param("severity.forbidden-phrase", "block")
                .param("limit.chat", "1000").with(user(new StaffUser(workspace.staff(StaffRole.ADMIN, game), "")))
                .with(csrf())).andExpect(status().is3xxRedirection());
        chats.post(chat, me, "a-2", "您好，已为您查询，封号原因是使用外挂，" + "详情".repeat(200), null);
        // the ticket has the line before the agent ends the chat
        transcripts.transcribe(chat);
        chats.end(chat, me);

        UUID ticket = chats.view(chat).ticketId();
        List<List<String[]>> messages = findings(page(ticket, agent, Locale.ENGLISH));
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1)).extracting(f -> f[0]).containsExactly("no-closing");
        assertThat(messages.get(1)).extracting(f -> f[1]).containsExactly("No closing line at the end of the conversation");
    }

    @Test
    void theChatCardAsksWhatTheChecksWouldFindInALineAndOnlyTheChatsAgentMayAsk() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID chat = workspace.liveChat(game, agent, "充值问题");
        chats.typing(chat, Sender.player(chat));

        String english = mvc.perform(post("/console/chat/" + chat + "/check").param("body", "嗯，稍等")
                .with(user(new StaffUser(agent, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("{\"code\":\"vague-word\",\"blocks\":false,\"text\":\"Vague word “嗯”\"}",
                "\"code\":\"no-greeting\"", "\"code\":\"player-interrupted\"");
        assertThat(chats.history(chat, 0)).hasSize(1);

        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        assertThat(mvc.perform(post("/console/chat/" + chat + "/check").param("body", "嗯")
                .with(user(new StaffUser(colleague, ""))).with(csrf())).andReturn().getResponse().getStatus())
                .isIn(403, 404, 409);
    }

    private void send(UUID ticket, StaffMember agent, String body, Locale locale) throws Exception {
        send(ticket, agent, body, locale, new MockHttpSession());
    }

    private void send(UUID ticket, StaffMember agent, String body, Locale locale, MockHttpSession session)
            throws Exception {
        MvcResult sent = mvc.perform(multipart("/console/tickets/" + ticket + "/reply").param("body", body)
                .session(session).with(user(new StaffUser(agent, ""))).with(csrf()).locale(locale)).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
    }

    private String page(UUID ticket, StaffMember agent, Locale locale) throws Exception {
        return mvc.perform(get("/console/tickets/" + ticket).with(user(new StaffUser(agent, ""))).locale(locale))
                .andReturn().getResponse().getContentAsString();
    }

    /** Each message of the page in order, with its findings: code and text. */
    private static List<List<String[]>> findings(String html) {
        List<List<String[]>> messages = new java.util.ArrayList<>();
        Matcher message = MESSAGE.matcher(html);
        while (message.find()) {
            List<String[]> found = new java.util.ArrayList<>();
            Matcher finding = FINDING.matcher(message.group(1));
            while (finding.find()) {
                found.add(new String[] { finding.group(1), finding.group(2).strip() });
            }
            messages.add(found);
        }
        return messages;
    }
}

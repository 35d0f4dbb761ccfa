package org.playerdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.assist.BotAnswers;
import org.playerdesk.assist.internal.AssistSettings;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bot in live chat, over the real HTTP and WebSocket: a first message a published article
 * answers gets the article before the chat joins the queue; "this solved it" ends the chat as the
 * bot's deflection without an agent ever seeing it; "talk to an agent" (or writing again) queues
 * it, and the agent who takes it sees what the bot offered; without a confident answer, or with
 * the bot off for the game's chats, the chat queues as before; bad answers are refused in the
 * reader's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class ChatBotTest {

    static final String SECRET = "test-chat-secret-0123456789";
    static final String TITLE = "充值未到账怎么办";

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    ChatDesk desk;
    @Autowired
    ChatQueue queue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    AssistSettings assist;
    @Autowired
    TicketQueries tickets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    GameInfo game;
    StaffMember agent;
    UUID article;
    PlayerApi api;

    @BeforeEach
    void setUp() {
        game = workspace.game();
        rulebook.configure(game.id(), SECRET, false, null, null, null, null);
        agent = workspace.staff(StaffRole.AGENT_L1, game);
        article = articles.publish(game, "zh-CN", TITLE, "请提供订单号和充值时间，我们会为您补发。");
        api = new PlayerApi(base());
    }

    @Test
    void aConfidentAnswerComesBeforeTheQueueAndSolvedEndsTheChatAsDeflected() throws Exception {
        PlayerApi.Answer started = api.start(game.code(), signed("10"), "c-1", "充值未到账怎么办？昨天充的");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.text("status")).isEqualTo("bot");
        assertThat(started.body().get("position")).isEqualTo(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> bot = (Map<String, Object>) started.body().get("bot");
        assertThat(bot).containsEntry("title", TITLE).containsEntry("outcome", "offered")
                .containsEntry("link", "/help/" + game.code() + "/articles/" + article)
                .containsEntry("article", article.toString());
        // a passage, when the search gives one, is plain text (the widget shows it as text)
        assertThat(String.valueOf(bot.get("passage"))).doesNotContain("<mark>");
        UUID chat = UUID.fromString(started.text("chat"));
        String token = started.text("token");
        assertThat(queue.waiting(agent)).as("no agent is asked while the bot's answer waits").isEmpty();
        assertThat(api.call("GET", "/chat/api/chats/" + chat, token, null).body().get("bot")).isEqualTo(bot);

        PlayerApi.Answer solved = api.call("POST", "/chat/api/chats/" + chat + "/bot", token, Map.of("answer", "solved"));
        assertThat(solved.status()).as(solved.body().toString()).isEqualTo(200);
        assertThat(solved.text("status")).isEqualTo("ended");
        assertThat(((Map<?, ?>) solved.body().get("bot")).get("outcome")).isEqualTo("solved");
        // the end-of-chat survey, as after any chat
        assertThat(solved.text("survey")).contains("满意");

        TicketView ticket = tickets.head(desk.view(chat).ticketId());
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.tags()).contains(BotAnswers.DEFLECTED_TAG);
        assertThat(ticket.assigneeId()).isNull();
        assertThat(queue.waiting(agent)).isEmpty();
        assertThat(desk.isLiveChat(ticket.id())).isFalse();
        // kept with the ticket's bot answers for the assist panel; not a queued chat in the figures
        await().atMost(Duration.ofSeconds(30)).until(() -> "solved".equals(outcomeOnTicket(ticket.id())));
        assertThat(jdbc.queryForObject("select count(*) from insight_event where event_key = ?", Integer.class,
                "chat:" + chat)).isZero();

        PlayerApi.Answer twice = api.call("POST", "/chat/api/chats/" + chat + "/bot", token, Map.of("answer", "agent"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).containsEntry("code", "chat.bot.answered")
                .containsEntry("detail", "您已回复过此会话中机器人推荐的解答。");
        assertThat(api.call("POST", "/chat/api/chats/" + chat + "/rating", token, Map.of("score", 5)).status())
                .isEqualTo(200);
    }

    @Test
    void talkToAnAgentQueuesTheChatAndTheAgentSeesWhatTheBotOffered() throws Exception {
        PlayerApi.Answer started = api.start(game.code(), signed("20"), "c-1", "充值未到账怎么办");
        UUID chat = UUID.fromString(started.text("chat"));
        String token = started.text("token");
        assertThat(started.text("status")).isEqualTo("bot");

        PlayerApi.Answer agentPlease = api.call("POST", "/chat/api/chats/" + chat + "/bot", token,
                Map.of("answer", "agent"));
        assertThat(agentPlease.status()).as(agentPlease.body().toString()).isEqualTo(200);
        assertThat(agentPlease.text("status")).isEqualTo("waiting");
        assertThat(agentPlease.body().get("position")).isEqualTo(1);
        assertThat(queue.waiting(agent)).extracting(ChatView::id).containsExactly(chat);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from insight_event where event_key = ?", Integer.class, "chat:" + chat) == 1);

        seats.setPresence(agent, Presence.ONLINE, 3);
        try (ChatClient console = ChatClient.agent(base(), agent.username(), TestWorkspace.PASSWORD)) {
            assertThat(console.post("/console/chat/" + chat + "/accept", "")).isEqualTo(200);
            String state = console.get("/console/chat/state");
            assertThat(state).contains("\"bot\":{", "\"title\":\"" + TITLE + "\"", "\"outcome\":\"agent\"",
                    "\"link\":\"/help/" + game.code() + "/articles/" + article + "\"", "\"confidence\":");
            // the words the console shows it with, in the agent's language
            assertThat(console.get("/console/chat")).contains("进入排队前，机器人推荐了文章", "玩家要求转人工");
        }
        TicketView ticket = tickets.head(desk.view(chat).ticketId());
        assertThat(ticket.tags()).doesNotContain(BotAnswers.DEFLECTED_TAG);
        assertThat(ticket.assigneeId()).isEqualTo(agent.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> "handed_over".equals(outcomeOnTicket(ticket.id())));

        PlayerApi.Answer late = api.call("POST", "/chat/api/chats/" + chat + "/bot", token,
                Map.of("answer", "solved"), "en");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).containsEntry("code", "chat.bot.answered")
                .containsEntry("detail", "You have already answered the bot's suggestion in this chat.");
    }

    @Test
    void writingAgainQueuesTheChatWithTheLineKept() throws Exception {
        PlayerApi.Answer started = api.start(game.code(), signed("30"), "c-1", "充值未到账怎么办");
        UUID chat = UUID.fromString(started.text("chat"));
        String token = started.text("token");
        try (ChatClient player = ChatClient.player(base(), chat.toString(), token)) {
            player.subscribe("/topic/chat." + chat);
            player.awaitSubscribed(chat.toString());
            player.send("/app/chat/" + chat + "/send", Map.of("clientId", "c-2", "body", "订单号是 123456"));
            assertThat(player.nextLine("player")).containsEntry("seq", 2).containsEntry("body", "订单号是 123456");
            assertThat(player.next("status")).containsEntry("status", "waiting");
        }
        assertThat(queue.waiting(agent)).extracting(ChatView::id).containsExactly(chat);
        assertThat(desk.botOffer(chat)).get().extracting(ChatBot.Offer::outcome).isEqualTo(ChatBot.Offer.WROTE);
        assertThat(desk.history(chat, 0)).extracting(ChatLine::body).containsExactly("充值未到账怎么办", "订单号是 123456");
    }

    @Test
    void anAnswerLeftUnansweredPastTheLongestWaitQueuesTheChat() throws Exception {
        UUID chat = UUID.fromString(api.start(game.code(), signed("40"), "c-1", "充值未到账怎么办").text("chat"));
        queue.expireWaiting(clock.instant().plusSeconds(60));
        assertThat(desk.view(chat).status()).as("within the wait").isEqualTo(ChatStatus.BOT);

        queue.expireWaiting(clock.instant().plusSeconds(rulebook.rules(game.id()).maxWaitSeconds() + 1));
        assertThat(desk.view(chat).status()).isEqualTo(ChatStatus.WAITING);
        assertThat(desk.botOffer(chat)).get().extracting(ChatBot.Offer::outcome)
                .isEqualTo(ChatBot.Offer.UNANSWERED);
    }

    @Test
    void withoutAConfidentAnswerOrWithTheBotOffTheChatQueuesAsBefore() throws Exception {
        PlayerApi.Answer vague = api.start(game.code(), signed("50"), "c-1", "游戏里的风景很好看");
        assertThat(vague.text("status")).isEqualTo("waiting");
        assertThat(vague.body()).doesNotContainKey("bot");
        assertThat(vague.body().get("position")).isEqualTo(1);

        assist.change(game.id(), "0.75", "0.9", false);
        PlayerApi.Answer off = api.start(game.code(), signed("51"), "c-1", "充值未到账怎么办");
        assertThat(off.text("status")).isEqualTo("waiting");
        assertThat(off.body()).doesNotContainKey("bot");
        assertThat(queue.waiting(agent)).hasSize(2);
        assertThat(assist.of(game.id()).chatBot()).isFalse();
    }

    @Test
    void answeringAnOfferThatDoesNotExistOrBadlyIsRefusedInTheReadersLanguage() throws Exception {
        PlayerApi.Answer plain = api.start(game.code(), signed("60"), "c-1", "在吗");
        String chat = plain.text("chat");
        String token = plain.text("token");

        PlayerApi.Answer none = api.call("POST", "/chat/api/chats/" + chat + "/bot", token, Map.of("answer", "solved"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.body()).containsEntry("code", "chat.bot.none").containsEntry("detail", "此会话中没有机器人推荐的解答。");
        PlayerApi.Answer english = api.call("POST", "/chat/api/chats/" + chat + "/bot", token,
                Map.of("answer", "solved"), "en");
        assertThat(english.body()).containsEntry("detail", "The bot offered no answer in this chat.");

        PlayerApi.Answer offered = api.start(game.code(), signed("61"), "c-1", "充值未到账怎么办");
        PlayerApi.Answer nonsense = api.call("POST", "/chat/api/chats/" + offered.text("chat") + "/bot",
                offered.text("token"), Map.of("answer", "maybe"));
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.body().toString()).contains("answer", "solved, agent");
        assertThat(api.call("POST", "/chat/api/chats/" + offered.text("chat") + "/bot", "wrong-token",
                Map.of("answer", "solved")).status()).isEqualTo(403);
        assertThat(desk.view(UUID.fromString(offered.text("chat"))).status()).as("nothing changed")
                .isEqualTo(ChatStatus.BOT);
        assertThat(queue.waiting(agent)).extracting(ChatView::id).containsExactly(UUID.fromString(chat));
    }

    @Test
    void thePlayerLeavingTheBotsAnswerEndsTheChatAndLeavesTheTicketToTheAgents() throws Exception {
        PlayerApi.Answer started = api.start(game.code(), signed("70"), "c-1", "充值未到账怎么办");
        UUID chat = UUID.fromString(started.text("chat"));
        PlayerApi.Answer ended = api.call("POST", "/chat/api/chats/" + chat + "/end", started.text("token"), null);
        assertThat(ended.text("status")).isEqualTo("ended");
        assertThat(desk.botOffer(chat)).get().extracting(ChatBot.Offer::outcome).isEqualTo(ChatBot.Offer.LEFT);
        // no word that it solved anything: the ticket stays open for the agents, not deflected
        TicketView ticket = tickets.head(desk.view(chat).ticketId());
        assertThat(ticket.status()).isNotEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.tags()).doesNotContain(BotAnswers.DEFLECTED_TAG);
        assertThat(desk.isLiveChat(ticket.id())).isFalse();
        assertThat(queue.waiting(agent)).isEmpty();
    }

    private String outcomeOnTicket(UUID ticketId) {
        List<String> found = jdbc.queryForList("select outcome from assist_bot_answer where ticket_id = ?",
                String.class, ticketId);
        return found.isEmpty() ? null : found.getFirst();
    }

    private Map<String, Object> signed(String account) {
        return PlayerApi.identity(new ChatIdentity(game.code(), account, "玩家" + account, 2, "S1",
                clock.millis() / 1000, null).signedWith(SECRET));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}

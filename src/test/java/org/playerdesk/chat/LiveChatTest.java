package org.playerdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

/**
 * The chat over the real WebSocket and HTTP: a signed player and an agent signed in to the
 * console exchange messages both ways; resends are not stored twice; the transcript is on a
 * ticket of channel chat; bad identities, foreign subscriptions, floods and oversize messages
 * are refused with a clear answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class LiveChatTest {

    static final String SECRET = "test-chat-secret-0123456789";

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
    TicketQueries tickets;
    @Autowired
    Clock clock;

    GameInfo game;
    StaffMember agent;
    PlayerApi api;

    @BeforeEach
    void setUp() {
        game = workspace.game();
        rulebook.configure(game.id(), SECRET, false, null, null, null, null);
        agent = workspace.staff(StaffRole.AGENT_L1, game);
        api = new PlayerApi(base());
    }

    @Test
    void playerAndAgentExchangeMessagesBothWaysAndTheTranscriptIsOnTheTicket() throws Exception {
        PlayerApi.Answer started = api.start(game.code(), signed("10086"), "p-1", "充值 648 元没到账");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.text("status")).isEqualTo("waiting");
        assertThat(started.body().get("position")).isEqualTo(1);
        String chat = started.text("chat");
        String token = started.text("token");

        try (ChatClient console = ChatClient.agent(base(), agent.username(), TestWorkspace.PASSWORD);
                ChatClient player = ChatClient.player(base(), chat, token)) {
            console.subscribe("/topic/chat-queue." + game.id());
            console.subscribe("/user/queue/errors");
            player.subscribe("/topic/chat." + chat);
            player.subscribe("/user/queue/errors");

            seats.setPresence(agent, Presence.ONLINE, 3);
            queue.accept(UUID.fromString(chat), new StaffUser(agent, ""));
            assertThat(player.next("status")).containsEntry("status", "active").containsEntry("agent", "测试客服");
            console.subscribe("/topic/chat." + chat);
            // the broker sends no receipts: the player's line must not go out before the console listens
            console.awaitSubscribed(chat);

            player.send("/app/chat/" + chat + "/send", Map.of("clientId", "p-2", "body", "<b>角色</b><script>x()</script>"));
            Map<String, Object> heard = console.nextLine("player");
            assertThat(heard).containsEntry("seq", 2).containsEntry("kind", "player")
                    .containsEntry("body", "<b>角色</b><script>x()</script>");

            console.send("/app/chat/" + chat + "/send", Map.of("clientId", "a-1", "body", "请稍等，我帮您查询下！"));
            Map<String, Object> answer = player.nextLine("agent");
            assertThat(answer).containsEntry("seq", 3).containsEntry("kind", "agent").containsEntry("author", "测试客服");

            // the player's connection dropped before the echo came: the widget sends p-2 again
            player.send("/app/chat/" + chat + "/send", Map.of("clientId", "p-2", "body", "<b>角色</b><script>x()</script>"));
            assertThat(player.nextLine("player")).containsEntry("seq", 2);

            player.send("/app/chat/" + chat + "/typing", Map.of());
            assertThat(console.next("typing")).containsEntry("side", "player");
            player.send("/app/chat/" + chat + "/read", Map.of("seq", 3));
            assertThat(console.next("read")).containsEntry("side", "player").containsEntry("seq", 3);
        }

        PlayerApi.Answer caughtUp = api.call("GET", "/chat/api/chats/" + chat + "?after=1", token, null);
        assertThat(ChatClient.list(caughtUp.body().get("lines")).stream().map(l -> (Object) ((Map<?, ?>) l).get("seq")).toList())
                .containsExactly(2, 3);

        assertThat(api.call("POST", "/chat/api/chats/" + chat + "/rating", token, Map.of("score", 5)).status())
                .as("rated before the end").isEqualTo(409);
        PlayerApi.Answer ended = api.call("POST", "/chat/api/chats/" + chat + "/end", token, null);
        assertThat(ended.text("status")).isEqualTo("ended");
        // the game's survey question and reasons, in the player's language, until the chat is rated
        assertThat(ended.text("survey")).contains("满意", "code=slow", "label=等待时间太长");
        Map<?, ?> english = (Map<?, ?>) api.call("GET", "/chat/api/chats/" + chat, token, null, "en").body().get("survey");
        assertThat(String.valueOf(english.get("question"))).contains("satisfied");
        assertThat(ChatClient.list(english.get("reasons")).stream().map(r -> (Object) ((Map<?, ?>) r).get("label")).toList())
                .contains("I waited too long");
        PlayerApi.Answer bad = api.call("POST", "/chat/api/chats/" + chat + "/rating", token,
                Map.of("score", 6, "reasons", List.of("slow", "bored")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("score", "reasons");
        assertThat(api.call("POST", "/chat/api/chats/" + chat + "/rating", token,
                Map.of("score", 5, "comment", "很快", "reasons", List.of("slow"))).status()).isEqualTo(200);
        assertThat(api.call("GET", "/chat/api/chats/" + chat, token, null).body()).as("asked no more once rated")
                .doesNotContainKey("survey").containsEntry("rating", 5);

        ChatView view = desk.view(UUID.fromString(chat));
        TicketDetails ticket = tickets.details(view.ticketId(), true);
        assertThat(ticket.ticket().channel()).isEqualTo(TicketChannel.CHAT);
        assertThat(ticket.ticket().assigneeId()).isEqualTo(agent.id());
        assertThat(ticket.messages()).extracting(MessageView::body).containsExactly("充值 648 元没到账",
                "<b>角色</b><script>x()</script>", "请稍等，我帮您查询下！", "Chat rating: 5/5\n很快");
    }

    @Test
    void refusesUnsignedTamperedAndStaleIdentities() throws Exception {
        Map<String, Object> unsigned = PlayerApi.identity(new ChatIdentity(game.code(), "1", "玩家", 1, "S1",
                clock.millis() / 1000, null));
        assertRefused(api.start(game.code(), unsigned, "c-1", "hi"), "chat.identity.required");

        Map<String, Object> tampered = signed("2");
        tampered.put("vipLevel", 12);
        assertRefused(api.start(game.code(), tampered, "c-1", "hi"), "chat.identity.invalid");

        ChatIdentity stale = new ChatIdentity(game.code(), "3", "玩家", 1, "S1", clock.millis() / 1000 - 11 * 60, null)
                .signedWith(SECRET);
        assertRefused(api.start(game.code(), PlayerApi.identity(stale), "c-1", "hi"), "chat.identity.stale");

        GameInfo other = workspace.game();
        rulebook.configure(other.id(), "another-secret-0123456789", false, null, null, null, null);
        assertRefused(api.start(other.code(), signed("4"), "c-1", "hi"), "chat.identity.invalid");

        assertThat(queue.waiting(workspace.staff(StaffRole.SUPERVISOR, game, other))).isEmpty();
    }

    @Test
    void aSignedIdentityStartsOneChatAndMayNotBeSignedAheadOfTheServersClock() throws Exception {
        Map<String, Object> identity = signed("60");
        assertThat(api.start(game.code(), identity, "c-1", "第一次").status()).isEqualTo(201);
        assertRefused(api.start(game.code(), identity, "c-2", "重放"), "chat.identity.used");

        long now = clock.millis() / 1000;
        ChatIdentity ahead = new ChatIdentity(game.code(), "61", "玩家", 1, "S1", now + 5 * 60, null).signedWith(SECRET);
        assertRefused(api.start(game.code(), PlayerApi.identity(ahead), "c-1", "hi"), "chat.identity.stale");
        ChatIdentity slightlyAhead = new ChatIdentity(game.code(), "62", "玩家", 1, "S1", now + 20, null)
                .signedWith(SECRET);
        assertThat(api.start(game.code(), PlayerApi.identity(slightlyAhead), "c-1", "hi").status()).isEqualTo(201);
    }

    @Test
    void guestsChatOnlyWhereTheGameAllowsIt() throws Exception {
        assertRefused(api.start(game.code(), null, "c-1", "hi"), "chat.identity.required");
        rulebook.configure(game.id(), null, true, null, null, null, null);
        PlayerApi.Answer guest = api.start(game.code(), null, "c-1", "我是游客");
        assertThat(guest.status()).isEqualTo(201);
        assertThat(rulebook.rules(game.id()).secretSet()).as("a blank secret keeps the stored one").isTrue();
    }

    @Test
    void badFirstMessagesAreRefusedFieldByField() throws Exception {
        PlayerApi.Answer answer = api.start(game.code(), signed("5"), "bad id with spaces", "x".repeat(1001));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("clientId").contains("message");
        assertThat(api.start("no-such-game", signed("5"), "c-1", "hi").status()).isEqualTo(404);
    }

    @Test
    void aPlayerMaySubscribeToTheirOwnChatOnly() throws Exception {
        PlayerApi.Answer mine = api.start(game.code(), signed("20"), "c-1", "我的");
        PlayerApi.Answer theirs = api.start(game.code(), signed("21"), "c-1", "别人的");
        // each try is refused; a try whose reason was lost to the send buffer (see refusalOrClose) is made again
        String refusal = null;
        for (int attempt = 0; refusal == null && attempt < 5; attempt++) {
            try (ChatClient player = ChatClient.player(base(), mine.text("chat"), mine.text("token"))) {
                player.subscribe("/topic/chat." + theirs.text("chat"));
                refusal = player.refusalOrClose();
                assertThat(player.connected()).as("a refused subscription ends the connection").isFalse();
            }
        }
        // a player's browser that names no language reads the default, Chinese
        assertThat(refusal).startsWith("chat.subscribe.refused ").contains("你不能订阅");
        try (ChatClient intruder = ChatClient.tryPlayer(base(), mine.text("chat"), "wrong-token")) {
            assertThat(intruder.nextRefusal()).isEqualTo("chat.token.invalid 该会话不存在，或会话令牌有误。");
            assertThat(intruder.connected()).isFalse();
        }
        try (ChatClient intruder = ChatClient.tryPlayer(base(), mine.text("chat"), "wrong-token", "en-GB,en;q=0.8")) {
            assertThat(intruder.nextRefusal()).isEqualTo("chat.token.invalid This chat does not exist, or its token is wrong.");
        }
    }

    @Test
    void oversizeMessagesAndFloodsAreRefusedToTheSender() throws Exception {
        PlayerApi.Answer started = api.start(game.code(), signed("30"), "c-1", "hi");
        String chat = started.text("chat");
        try (ChatClient player = ChatClient.player(base(), chat, started.text("token"))) {
            player.subscribe("/topic/chat." + chat);
            player.subscribe("/user/queue/errors");
            player.send("/app/chat/" + chat + "/send", Map.of("clientId", "long", "body", "长".repeat(1001)));
            Map<String, Object> error = player.nextError();
            assertThat(error).containsEntry("code", "chat.invalid").containsEntry("clientId", "long");
            // its words in the connection's language (no Accept-Language: the default, Chinese)
            assertThat((String) error.get("message")).contains("内容过长");

            for (int i = 0; i < 25; i++) {
                player.send("/app/chat/" + chat + "/send", Map.of("clientId", "flood-" + i, "body", "刷屏 " + i));
            }
            assertThat(player.nextError()).containsEntry("code", "chat.rate-limited")
                    .containsEntry("message", "发送过于频繁，请稍候几秒。");
        }
        assertThat(desk.history(UUID.fromString(chat), 0)).hasSizeLessThanOrEqualTo(21)
                .extracting(ChatLine::body).doesNotContain("长".repeat(1001));
    }

    @Test
    void agentsTakeChatsOnlyWhenOnlineWithAFreeSeat() throws Exception {
        StaffUser me = new StaffUser(agent, "");
        UUID first = UUID.fromString(api.start(game.code(), signed("40"), "c-1", "一").text("chat"));
        UUID second = UUID.fromString(api.start(game.code(), signed("41"), "c-1", "二").text("chat"));
        assertThat(desk.queuePosition(second)[0]).isEqualTo(2);

        assertThatThrownBy(() -> queue.accept(first, me)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("online");
        seats.setPresence(agent, Presence.ONLINE, 1);
        queue.accept(first, me);
        assertThatThrownBy(() -> queue.accept(second, me)).as("capacity 1 is used").isInstanceOf(RuleViolation.class);
        assertThat(desk.queuePosition(second)[0]).isEqualTo(1);

        StaffMember colleague = workspace.staff(StaffRole.AGENT_L2, game);
        assertThatThrownBy(() -> seats.transfer(first, me, colleague.id())).as("colleague offline")
                .isInstanceOf(RuleViolation.class);
        seats.setPresence(colleague, Presence.ONLINE, 2);
        assertThat(seats.transfer(first, me, colleague.id()).agentId()).isEqualTo(colleague.id());
        assertThat(seats.seat(agent).active()).isZero();
        queue.accept(second, me);
        assertThat(seats.active(agent)).extracting(ChatView::id).containsExactly(second);
        assertThatThrownBy(() -> desk.post(first, Sender.agent(me), "x-1", "still mine?", null))
                .isInstanceOf(ChatRefused.class);

        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        seats.setPresence(stranger, Presence.ONLINE, 3);
        UUID third = UUID.fromString(api.start(game.code(), signed("42"), "c-1", "三").text("chat"));
        assertThatThrownBy(() -> queue.accept(third, new StaffUser(stranger, ""))).as("does not serve the game")
                .isInstanceOf(org.playerdesk.system.errors.NotFoundException.class);
    }

    @Test
    void outsideServiceHoursTheChatIsATicketFromTheStart() throws Exception {
        String now = java.time.LocalTime.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
        int hour = Integer.parseInt(now.substring(0, 2));
        String from = String.format("%02d:00", (hour + 2) % 24);
        String to = String.format("%02d:00", (hour + 3) % 24);
        rulebook.configure(game.id(), null, false, from, to, "Asia/Shanghai", null);

        PlayerApi.Answer started = api.start(game.code(), signed("50"), "c-1", "半夜找客服");
        assertThat(started.text("status")).isEqualTo("ticket");
        assertThat(started.text("followLink")).startsWith("/help/" + game.code() + "/t/");
        String chat = started.text("chat");
        try (ChatClient player = ChatClient.player(base(), chat, started.text("token"))) {
            player.subscribe("/topic/chat." + chat);
            player.send("/app/chat/" + chat + "/send", Map.of("clientId", "c-2", "body", "补充：区服 S1"));
            player.next("message");
        }
        // the ticket catches up with the chat within a batch
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(tickets.details(desk.view(UUID.fromString(chat)).ticketId(), false).messages())
                        .extracting(MessageView::body).containsExactly("半夜找客服", "补充：区服 S1"));
    }

    @Test
    void aChatNobodyTakesWithinTheWaitBecomesATicket() throws Exception {
        // a wait of ten minutes: the node's own sweep (on the real clock) leaves the chat waiting however
        // slowly the machine runs the test, and the test's sweeps move time on themselves
        rulebook.configure(game.id(), null, false, null, null, null, 600);
        PlayerApi.Answer started = api.start(game.code(), signed("60"), "c-1", "有人吗");
        UUID chat = UUID.fromString(started.text("chat"));
        try (ChatClient player = ChatClient.player(base(), chat.toString(), started.text("token"))) {
            player.subscribe("/topic/chat." + chat);
            player.awaitSubscribed(chat.toString());
            // the sweep covers every game's waiting chats: earlier tests may leave some past their wait
            queue.expireWaiting(clock.instant().plusSeconds(300));
            assertThat(desk.view(chat).status()).as("within the wait").isEqualTo(ChatStatus.WAITING);
            assertThat(queue.expireWaiting(clock.instant().plusSeconds(601))).isGreaterThanOrEqualTo(1);
            Map<String, Object> status = player.next("status");
            assertThat(status).containsEntry("status", "ticket");
            assertThat(String.valueOf(status.get("followLink"))).startsWith("/help/");
        }
        assertThat(desk.view(chat).status()).isEqualTo(ChatStatus.TICKET);
    }

    @Test
    void theOneNodeBrokerKeepsTheSubscribersOfThousandsOfChatsAtHand(
            @Autowired @Qualifier("simpleBrokerMessageHandler") AbstractBrokerMessageHandler handler) {
        var registry = (DefaultSubscriptionRegistry) ((SimpleBrokerMessageHandler) handler).getSubscriptionRegistry();
        assertThat(registry.getCacheLimit()).as("Spring's default of 1,024 is far below a busy node's chats")
                .isEqualTo(50_000);
    }

    private void assertRefused(PlayerApi.Answer answer, String code) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(403);
        assertThat(answer.body()).containsEntry("code", code);
    }

    private Map<String, Object> signed(String account) {
        return PlayerApi.identity(new ChatIdentity(game.code(), account, "玩家" + account, 2, "S1",
                clock.millis() / 1000, null).signedWith(SECRET));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    static List<?> lines(Object value) {
        return (List<?>) value;
    }
}

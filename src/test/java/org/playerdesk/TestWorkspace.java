package org.playerdesk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameConnectors;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestComponent;

/**
 * Test data through the modules' public APIs. Every game, key and account it makes has a unique
 * name, so tests never see each other's data, on H2 or on a shared PostgreSQL database.
 */
@TestComponent
@Import(KnowledgeTestArticles.class) // in every test context, so that its tests share one
public class TestWorkspace {

    public static final String PASSWORD = "secret-password";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final GameCatalog games;
    private final ApiKeys keys;
    private final StaffDirectory staff;
    private final TicketDesk desk;
    private final GameConnectors connectors;
    private final ObjectProvider<ChatRulebook> chatRules;
    private final ObjectProvider<ChatDesk> chats;
    private final ObjectProvider<ChatSeats> seats;
    private final ObjectProvider<ChatQueue> chatQueue;

    public TestWorkspace(GameCatalog games, ApiKeys keys, StaffDirectory staff, TicketDesk desk,
            GameConnectors connectors, ObjectProvider<ChatRulebook> chatRules, ObjectProvider<ChatDesk> chats,
            ObjectProvider<ChatSeats> seats, ObjectProvider<ChatQueue> chatQueue) {
        this.chatRules = chatRules;
        this.chats = chats;
        this.seats = seats;
        this.chatQueue = chatQueue;
        this.games = games;
        this.keys = keys;
        this.staff = staff;
        this.desk = desk;
        this.connectors = connectors;
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
    }

    public GameInfo game() {
        return games.register(unique("g"), "测试游戏", "zh-CN");
    }

    /**
     * A new game served by the built-in simulated game backend, with its scenario accounts
     * (docs/game-connector.md): each such game has its own accounts' state.
     */
    public GameInfo simulatedGame() {
        GameInfo game = game();
        connectors.configure(game.id(), ConnectorKind.SIMULATED, null, null, null, null, "test");
        return game;
    }

    /** A new API key for the game; the answer is the secret to send as a bearer token. */
    public String apiKey(GameInfo game) {
        return keys.create(game.id(), "test server", "test").secret();
    }

    public StaffMember staff(StaffRole role, GameInfo... servedGames) {
        Set<UUID> ids = new java.util.HashSet<>();
        for (GameInfo game : servedGames) {
            ids.add(game.id());
        }
        return staff.enrol(unique("u"), "测试客服", PASSWORD, role, "zh-CN", ids);
    }

    /**
     * A guest's live chat in the game (which then takes guests), opened with {@code firstLine} and
     * taken by the agent, set online with three seats; the chat's id.
     */
    public UUID liveChat(GameInfo game, StaffMember agent, String firstLine) {
        chatRules.getObject().configure(game.id(), "test-chat-secret-0123456789", true, null, null, null, null);
        UUID id = chats.getObject().start(game.code(), null, "访客", unique("c"), firstLine).chat().id();
        seats.getObject().setPresence(agent, Presence.ONLINE, 3);
        chatQueue.getObject().accept(id, new StaffUser(agent, ""));
        return id;
    }

    public Opened ticket(GameInfo game, String accountId, String type) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(accountId, "玩家" + accountId, "S1", null), type,
                null, null, "测试工单 " + type, "玩家的问题描述", null, Map.of(), true), List.of());
    }
}

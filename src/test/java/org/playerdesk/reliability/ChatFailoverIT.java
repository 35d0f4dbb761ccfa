package org.playerdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.chat.ChatClient;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.PlayerApi;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Live chat on two nodes against one PostgreSQL database and the local RabbitMQ (STOMP relay, a
 * virtual host of the test's own): a player on node A and an agent on node B talk both ways;
 * node A is killed mid-chat; the player reconnects to node B; no stored message is lost or
 * stored twice. Skipped outside CI when PostgreSQL or RabbitMQ's STOMP plugin cannot be reached;
 * in CI it must run.
 */
@Tag("database-independent") // a PostgreSQL database of its own, whatever the suite runs on
class ChatFailoverIT {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String SECRET = "two-node-chat-secret-0123456789";
    private static final String PASSWORD = "two-node-password";

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String databaseName = "pd_chat_" + suffix;
    private final String vhost = "pd-chat-" + suffix;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path home;

    @BeforeEach
    void prerequisites() throws Exception {
        String missing = !reachable(5432) ? "PostgreSQL on 127.0.0.1:5432"
                : !reachable(61613) ? "RabbitMQ's STOMP plugin on 127.0.0.1:61613 (rabbitmq-plugins enable rabbitmq_stomp)"
                : run("rabbitmqctl", "status") != 0 ? "rabbitmqctl" : null;
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("the two-node chat test needs " + missing);
            }
            Assumptions.abort("needs " + missing);
        }
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            c.createStatement().execute("create database " + databaseName);
        }
        check(run("rabbitmqctl", "add_vhost", vhost), "add_vhost");
        check(run("rabbitmqctl", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"), "set_permissions");
        home = Files.createTempDirectory("playerdesk-chat-nodes-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the node may already be dead
            }
        }
        run("rabbitmqctl", "delete_vhost", vhost);
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            c.createStatement().execute("drop database if exists " + databaseName + " with (force)");
        }
    }

    @Test
    void playerOnOneNodeAndAgentOnAnotherTalkAndSurviveANodeKill() throws Exception {
        Database database = new Database(PG + databaseName, "postgres", "");
        Map<String, String> relay = Map.of("PLAYERDESK_CHAT_RELAY_ENABLED", "true",
                "PLAYERDESK_CHAT_RELAY_VIRTUALHOST", vhost);
        PlayerDeskNode a = PlayerDeskNode.start(home.resolve("a"), database, relay);
        open.add(a);
        PlayerDeskNode b = PlayerDeskNode.start(home.resolve("b"), database, relay);
        open.add(b);
        String agent = prepare(database, a.game());
        String baseA = a.uri("").toString();
        String baseB = b.uri("").toString();

        ChatIdentity identity = new ChatIdentity(a.game(), "p-" + suffix, "双节点玩家", 1, "S1",
                Instant.now().getEpochSecond(), null).signedWith(SECRET);
        PlayerApi.Answer started = new PlayerApi(baseA).start(a.game(), PlayerApi.identity(identity), "m-1", "第一条");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String chat = started.text("chat");
        String token = started.text("token");

        ChatClient console = ChatClient.agent(baseB, agent, PASSWORD);
        open.add(console);
        assertThat(console.post("/console/chat/presence", "presence=online&capacity=3")).isEqualTo(200);
        assertThat(console.post("/console/chat/" + chat + "/accept", "")).isEqualTo(200);
        console.subscribeConfirmed("/topic/chat." + chat);

        ChatClient player = ChatClient.player(baseA, chat, token);
        open.add(player);
        player.subscribeConfirmed("/topic/chat." + chat);

        player.send("/app/chat/" + chat + "/send", Map.of("clientId", "m-2", "body", "A 节点发出"));
        assertThat(console.nextLine("player")).containsEntry("seq", 2).containsEntry("body", "A 节点发出");
        console.send("/app/chat/" + chat + "/send", Map.of("clientId", "agent-1", "body", "B 节点回复"));
        assertThat(player.nextLine("agent")).containsEntry("seq", 3).containsEntry("body", "B 节点回复");

        player.send("/app/chat/" + chat + "/send", Map.of("clientId", "m-3", "body", "断线前最后一条"));
        assertThat(console.nextLine("player")).containsEntry("seq", 4);
        a.kill();
        await("the player's connection to notice node A is gone").atMost(Duration.ofSeconds(40))
                .until(() -> !player.connected());

        // The widget reconnects to the other node, catches up from the last sequence it saw (3,
        // say: the echo of 4 was lost with the node) and sends again what it had not seen come back.
        ChatClient again = ChatClient.player(baseB, chat, token);
        open.add(again);
        again.subscribeConfirmed("/topic/chat." + chat);
        PlayerApi.Answer caughtUp = new PlayerApi(baseB).call("GET", "/chat/api/chats/" + chat + "?after=3", token, null);
        assertThat(ChatClient.list(caughtUp.body().get("lines"))).hasSize(1);
        again.send("/app/chat/" + chat + "/send", Map.of("clientId", "m-3", "body", "断线前最后一条"));
        assertThat(again.nextLine("player")).as("the resend is the stored message").containsEntry("seq", 4);
        again.send("/app/chat/" + chat + "/send", Map.of("clientId", "m-4", "body", "重连后"));
        Map<String, Object> heard = console.nextLine("player");
        if (Integer.valueOf(4).equals(heard.get("seq"))) {
            heard = console.nextLine("player"); // the resend of 4, delivered again; clients drop it by its seq
        }
        assertThat(heard).containsEntry("seq", 5).containsEntry("body", "重连后");
        console.send("/app/chat/" + chat + "/send", Map.of("clientId", "agent-2", "body", "收到"));
        assertThat(again.nextLine("agent")).containsEntry("seq", 6);

        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
                PreparedStatement q = c.prepareStatement(
                        "select seq, client_id from chat_message where session_id = ? order by seq")) {
            q.setObject(1, UUID.fromString(chat));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getLong(1) + ":" + rows.getString(2));
                }
            }
        }
        assertThat(stored).containsExactly("1:m-1", "2:m-2", "3:agent-1", "4:m-3", "5:m-4", "6:agent-2");
    }

    /** The game's chat secret and an agent of the game, written as an admin's settings would be. */
    private String prepare(Database database, String gameCode) throws Exception {
        String username = "chat-agent-" + suffix;
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "")) {
            UUID game;
            try (PreparedStatement q = c.prepareStatement("select id from game where code = ?")) {
                q.setString(1, gameCode);
                try (ResultSet rows = q.executeQuery()) {
                    rows.next();
                    game = rows.getObject(1, UUID.class);
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement q = c.prepareStatement("insert into chat_settings (game_id, secret, guests_allowed, "
                    + "time_zone, max_wait_seconds, updated_at) values (?, ?, false, 'Asia/Shanghai', 600, ?)")) {
                q.setObject(1, game);
                q.setString(2, SECRET);
                q.setTimestamp(3, now);
                q.executeUpdate();
            }
            UUID staff = UUID.randomUUID();
            try (PreparedStatement q = c.prepareStatement("insert into staff_account (id, username, display_name, "
                    + "password_hash, role, locale, enabled, created_at) values (?, ?, '双节点客服', ?, 'agent_l1', 'zh-CN', true, ?)")) {
                q.setObject(1, staff);
                q.setString(2, username);
                q.setString(3, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD));
                q.setTimestamp(4, now);
                q.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("insert into staff_game (staff_id, game_id) values (?, ?)")) {
                q.setObject(1, staff);
                q.setObject(2, game);
                q.executeUpdate();
            }
        }
        return username;
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void check(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException("rabbitmqctl " + what + " failed: " + exit);
        }
    }
}

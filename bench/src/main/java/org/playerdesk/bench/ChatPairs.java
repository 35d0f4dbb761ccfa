package org.playerdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Live chats whose player and agent sit on different nodes: the agent's console session is on
 * one node, and each new chat's player is sent to the other one by the balancer's stickiness
 * cookie, so every line crosses RabbitMQ's STOMP relay. Player and agent take turns, a line each
 * every few seconds, then the agent ends the chat and the pair starts the next one. On a lost
 * connection each side does what the widget and the console do: connect again through the
 * balancer (the agent signs in again when its session died with its node), catch up from the
 * last sequence number it saw, and send again the lines it never saw come back stored.
 */
final class ChatPairs {

    static final String START = "chat: start";
    static final String ACCEPT = "chat: accept";
    static final String END = "chat: end";
    static final String PRESENCE = "chat: presence and heartbeat";
    static final String CATCH_UP_PLAYER = "chat: player catches up";
    static final String CATCH_UP_AGENT = "chat: agent catches up";
    static final String TO_AGENT = "chat line: player to agent";
    static final String TO_PLAYER = "chat line: agent to player";
    static final String PLAYER_BACK = "chat: player back after a lost connection";
    static final String AGENT_BACK = "chat: agent back after a lost connection";
    private static final Duration RECEIPT = Duration.ofSeconds(10);
    private static final String PLAYER = "player";
    private static final String AGENT = "agent";

    private final String base;
    private final String game;
    private final String secret;
    private final ConsoleAgents agents;
    private final Traffic traffic;
    private final Acknowledged acknowledged;
    private final int linesPerChat;
    private final Duration lineEvery;
    final AtomicLong acrossNodes = new AtomicLong();
    final AtomicLong onOneNode = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong lostConnections = new AtomicLong();

    ChatPairs(String base, String game, String secret, ConsoleAgents agents, Traffic traffic,
            Acknowledged acknowledged, int linesPerChat, Duration lineEvery) {
        this.base = base;
        this.game = game;
        this.secret = secret;
        this.agents = agents;
        this.traffic = traffic;
        this.acknowledged = acknowledged;
        this.linesPerChat = linesPerChat;
        this.lineEvery = lineEvery;
    }

    /** One pair's chats, one after the other, until {@code endNanos}; the agent starts on {@code node}. */
    void run(int pair, String agent, String node, long endNanos) throws Exception {
        new Pair(pair, agent, node, endNanos).run();
    }

    private final class Pair {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final int pair;
        private final String agent;
        private final String firstNode;
        private final long endNanos;
        private ConsoleSession console;
        private ChatLoad.Stomp agentSocket;
        private ChatLoad.Stomp playerSocket;
        private volatile Acknowledged.Chat chat;
        private long heartbeatAt;
        private int chats;

        Pair(int pair, String agent, String firstNode, long endNanos) {
            this.pair = pair;
            this.agent = agent;
            this.firstNode = firstNode;
            this.endNanos = endNanos;
        }

        void run() throws Exception {
            console = agents.signIn(http, agent, firstNode, endNanos);
            try {
                presence();
            } catch (ConsoleSession.SignedOut gone) {
                // the balancer sent the request to the other node (it took this one out for a moment)
                signInAgain();
            }
            ensure(AGENT);
            while (System.nanoTime() < endNanos) {
                try {
                    oneChat();
                } catch (Exception failed) {
                    // recorded by the traffic; the next chat after a pause
                    TimeUnit.SECONDS.sleep(2);
                }
            }
            close(agentSocket);
            close(playerSocket);
        }

        private void oneChat() throws Exception {
            int n = ++chats;
            String marker = "[soak-c" + pair + "-" + n + "-p0]";
            String agentNode = console.servedBy().isEmpty() ? firstNode : console.servedBy();
            String playerNode = agentNode.equals("a") ? "b" : "a";
            String start = Arguments.JSON.writeValueAsString(Map.of(
                    "identity", ChatLoad.identity(game, "soak-c" + pair + "-" + n, secret),
                    "clientId", "p0", "message", "你好，充值没到账 " + marker));
            HttpResponse<String> started = traffic.send(START, http,
                    HttpRequest.newBuilder(URI.create(base + "/chat/api/" + game + "/chats"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .header("Cookie", ConsoleAgents.COOKIE + "=" + playerNode)
                            .POST(HttpRequest.BodyPublishers.ofString(start)).build(), 201);
            JsonNode state = Arguments.JSON.readTree(started.body());
            Acknowledged.Chat current = new Acknowledged.Chat(UUID.fromString(state.path("chat").asText()),
                    state.path("token").asText(), pair);
            current.playerNode = started.headers().firstValue(Traffic.SERVED_BY).orElse(playerNode);
            Acknowledged.Line first = new Acknowledged.Line("p0", PLAYER, marker, "你好，充值没到账 " + marker);
            first.seq = state.path("lines").path(0).path("seq").asLong(1);
            current.lines.put(first.clientId, first);
            current.playerSeq = first.seq;
            chat = current;
            acknowledged.chats.add(current);

            accept(current);
            current.agentNode = console.servedBy();
            (current.agentNode.equals(current.playerNode) ? onOneNode : acrossNodes).incrementAndGet();
            if (agentSocket == null || !agentSocket.open()
                    || !agentSocket.subscribeConfirmed("/topic/chat." + current.id, RECEIPT)) {
                close(agentSocket);
                ensure(AGENT);
            }
            catchUp(AGENT);
            ensure(PLAYER);

            for (int i = 1; i <= linesPerChat && System.nanoTime() < endNanos; i++) {
                heartbeat();
                ensure(PLAYER);
                ensure(AGENT);
                String side = i % 2 == 1 ? AGENT : PLAYER;
                String lineMarker = "[soak-c" + pair + "-" + n + "-" + side.charAt(0) + i + "]";
                Acknowledged.Line line = new Acknowledged.Line(side.charAt(0) + Integer.toString(i), side, lineMarker,
                        (side.equals(AGENT) ? Samples.any(Texts.AGENT_REPLIES_ZH) : "还是没有收到 ") + " " + lineMarker);
                current.lines.put(line.clientId, line);
                send(side, line);
                TimeUnit.MILLISECONDS.sleep(lineEvery.toMillis());
            }
            // every line stored and delivered, or half a minute has passed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long resendAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && !current.lines.values().stream()
                    .allMatch(l -> l.seq > 0 && (l.delivered() || l.clientId.equals("p0")))) {
                ensure(PLAYER);
                ensure(AGENT);
                if (System.nanoTime() > resendAt) {
                    resendUnconfirmed(PLAYER);
                    resendUnconfirmed(AGENT);
                    resendAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            end(current);
            close(playerSocket);
            playerSocket = null;
        }

        private void accept(Acknowledged.Chat current) throws Exception {
            for (int attempt = 1;; attempt++) {
                try {
                    ConsoleSession session = console;
                    traffic.measure(ACCEPT, session::servedBy,
                            () -> refusedUnless(200, session.post("/console/chat/" + current.id + "/accept", Map.of())));
                    return;
                } catch (ConsoleSession.SignedOut gone) {
                    signInAgain();
                } catch (IOException failed) {
                    if (attempt >= 5 || failed.getMessage().contains("chat.accept.taken")) {
                        throw failed;
                    }
                    TimeUnit.SECONDS.sleep(1);
                }
            }
        }

        private void end(Acknowledged.Chat current) throws Exception {
            for (int attempt = 1;; attempt++) {
                try {
                    ConsoleSession session = console;
                    traffic.measure(END, session::servedBy,
                            () -> refusedUnless(200, session.post("/console/chat/" + current.id + "/end", Map.of())));
                    current.ended = true;
                    return;
                } catch (ConsoleSession.SignedOut gone) {
                    signInAgain();
                } catch (IOException failed) {
                    if (attempt >= 5) {
                        return; // not ended: the checks look for its lines on its ticket all the same
                    }
                    TimeUnit.SECONDS.sleep(1);
                }
            }
        }

        private void send(String side, Acknowledged.Line line) {
            ChatLoad.Stomp socket = side.equals(PLAYER) ? playerSocket : agentSocket;
            if (socket != null) {
                try {
                    socket.send("/app/chat/" + chat.id + "/send",
                            Arguments.JSON.writeValueAsString(Map.of("clientId", line.clientId, "body", line.body)));
                } catch (Exception lost) {
                    // sent again once the connection is back
                }
            }
        }

        private void resendUnconfirmed(String side) {
            for (Acknowledged.Line line : chat.lines.values()) {
                if (line.side.equals(side) && line.seq == 0) {
                    line.sends++;
                    resent.incrementAndGet();
                    send(side, line);
                }
            }
        }

        /** Connects the side again if its connection is gone: through the balancer, then catches up and resends. */
        private void ensure(String side) throws Exception {
            ChatLoad.Stomp socket = side.equals(PLAYER) ? playerSocket : agentSocket;
            if (socket != null && socket.open()) {
                return;
            }
            boolean lost = socket != null;
            if (lost) {
                lostConnections.incrementAndGet();
            }
            long since = System.nanoTime();
            for (int attempt = 1;; attempt++) {
                try {
                    connect(side);
                    if (chat != null) {
                        catchUp(side);
                        resendUnconfirmed(side);
                    }
                    if (lost) {
                        traffic.delivered(side.equals(PLAYER) ? PLAYER_BACK : AGENT_BACK,
                                (System.nanoTime() - since) / 1_000);
                    }
                    return;
                } catch (Exception failed) {
                    if (side.equals(AGENT)) {
                        agentStillSignedIn();
                    }
                    if (System.nanoTime() > endNanos + TimeUnit.SECONDS.toNanos(60)) {
                        throw failed;
                    }
                    TimeUnit.MILLISECONDS.sleep(Math.min(10_000, 1000L << Math.min(attempt - 1, 4)));
                }
            }
        }

        private void connect(String side) throws Exception {
            if (side.equals(PLAYER)) {
                Acknowledged.Chat current = chat;
                close(playerSocket);
                playerSocket = ChatLoad.Stomp.open(http, base.replaceFirst("^http", "ws") + "/chat/ws",
                        Map.of("Cookie", ConsoleAgents.COOKIE + "=" + current.playerNode),
                        Map.of("chat-session", current.id.toString(), "chat-token", current.token),
                        body -> onEvent(body, PLAYER));
                if (!playerSocket.subscribeConfirmed("/topic/chat." + current.id, RECEIPT)) {
                    throw new IOException("no receipt for the player's subscription");
                }
            } else {
                close(agentSocket);
                agentSocket = ChatLoad.Stomp.open(http, base.replaceFirst("^http", "ws") + "/console/chat/ws",
                        Map.of("Cookie", console.sessionCookie()), Map.of("X-CSRF-TOKEN", console.csrfToken()),
                        body -> onEvent(body, AGENT));
                if (chat != null && !chat.ended
                        && !agentSocket.subscribeConfirmed("/topic/chat." + chat.id, RECEIPT)) {
                    throw new IOException("no receipt for the agent's subscription");
                }
            }
        }

        /** After a refused connection: the agent's session may have died with its node. */
        private void agentStillSignedIn() throws Exception {
            try {
                ConsoleSession session = console;
                traffic.measure(PRESENCE, session::servedBy, () -> session.get("/console/chat/state"));
            } catch (ConsoleSession.SignedOut gone) {
                signInAgain();
            } catch (IOException unreachable) {
                // tried again after a pause
            }
        }

        private void signInAgain() throws Exception {
            console = agents.signInAgain(http, agent, console, endNanos + TimeUnit.SECONDS.toNanos(60));
            presence();
        }

        private void catchUp(String side) throws Exception {
            Acknowledged.Chat current = chat;
            JsonNode lines;
            if (side.equals(PLAYER)) {
                HttpResponse<String> answer = traffic.send(CATCH_UP_PLAYER, http, HttpRequest.newBuilder(URI.create(
                        base + "/chat/api/chats/" + current.id + "?after=" + current.playerSeq))
                        .timeout(Duration.ofSeconds(30)).header("X-Chat-Token", current.token)
                        .header("Cookie", ConsoleAgents.COOKIE + "=" + current.playerNode).GET().build(), 200);
                lines = Arguments.JSON.readTree(answer.body()).path("lines");
            } else {
                ConsoleSession session = console;
                HttpResponse<String> answer = traffic.measure(CATCH_UP_AGENT, session::servedBy, () -> refusedUnless(200,
                        session.get("/console/chat/" + current.id + "/lines?after=" + current.agentSeq)));
                lines = Arguments.JSON.readTree(answer.body());
            }
            for (JsonNode line : lines) {
                onLine(current, line, side, false);
            }
        }

        private void presence() throws Exception {
            ConsoleSession session = console;
            traffic.measure(PRESENCE, session::servedBy, () -> refusedUnless(200,
                    session.post("/console/chat/presence", Map.of("presence", "online", "capacity", "3"))));
            heartbeatAt = System.nanoTime();
        }

        /** The open console says every half minute that it is still there. */
        private void heartbeat() {
            if (System.nanoTime() - heartbeatAt < TimeUnit.SECONDS.toNanos(30)) {
                return;
            }
            heartbeatAt = System.nanoTime();
            try {
                ConsoleSession session = console;
                traffic.measure(PRESENCE, session::servedBy,
                        () -> refusedUnless(200, session.post("/console/chat/heartbeat", Map.of())));
            } catch (Exception failed) {
                // the next one, or the agent's lost connection, sorts it out
            }
        }

        private void onEvent(String body, String receiver) {
            Acknowledged.Chat current = chat;
            try {
                JsonNode event = Arguments.JSON.readTree(body);
                if (current != null && "message".equals(event.path("type").asText())) {
                    onLine(current, event.path("line"), receiver, true);
                }
            } catch (Exception unreadable) {
                // not a chat event
            }
        }

        /** A stored line reached {@code receiver}: its own line coming back, or the other side's arriving. */
        private void onLine(Acknowledged.Chat current, JsonNode line, String receiver, boolean live) {
            if (!current.id.toString().equals(line.path("sessionId").asText())) {
                return;
            }
            long seq = line.path("seq").asLong();
            if (receiver.equals(PLAYER)) {
                current.playerSeq = Math.max(current.playerSeq, seq);
            } else {
                current.agentSeq = Math.max(current.agentSeq, seq);
            }
            Acknowledged.Line sent = current.lines.get(line.path("clientId").asText(""));
            if (sent == null) {
                return;
            }
            if (sent.seq == 0) {
                sent.seq = seq;
            }
            if (!sent.side.equals(receiver) && !sent.delivered()) {
                if (live) {
                    sent.live = true;
                    traffic.delivered(sent.side.equals(PLAYER) ? TO_AGENT : TO_PLAYER,
                            (System.nanoTime() - sent.sentNanos) / 1_000);
                } else {
                    sent.caughtUp = true;
                }
            }
        }
    }

    private static HttpResponse<String> refusedUnless(int status, HttpResponse<String> answer) throws IOException {
        if (answer.statusCode() != status) {
            throw Refused.of(answer);
        }
        return answer;
    }

    private static void close(ChatLoad.Stomp socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (RuntimeException alreadyGone) {
                // closed with its node
            }
        }
    }
}

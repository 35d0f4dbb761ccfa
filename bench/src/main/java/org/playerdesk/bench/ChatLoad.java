package org.playerdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Live-chat load on one node: opens N player chats (signed identities, one WebSocket + STOMP
 * connection each), one agent console connection subscribed to every chat, then players send
 * messages at a fixed total rate; the latency is from the player's SEND to the agent console
 * receiving the stored message (both in this process, so one clock). Reports p50/p95/p99, how
 * many player connections the node held at once, and refusals. Bounded: N connections, a fixed
 * number of seconds.
 *
 * <pre>
 * java -cp bench/target/playerdesk-bench.jar:bench/target/lib/* org.playerdesk.bench.ChatLoad \
 *     --base http://127.0.0.1:18080 --players 5000 --rate 500 --seconds 30
 * </pre>
 */
public final class ChatLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = options.getOrDefault("base", "http://127.0.0.1:18080");
        String game = options.getOrDefault("game", "demo");
        String secret = options.getOrDefault("secret", "demo-chat-secret-not-for-production");
        String agent = options.getOrDefault("agent", "agent1");
        String password = options.getOrDefault("password", "playerdesk");
        int players = Integer.parseInt(options.getOrDefault("players", "1000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        String ws = base.replaceFirst("^http", "ws");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

        // 0. nobody accepts the chats here: the game's longest wait in the queue must outlast the run,
        //    or the chats become tickets midway and the figures measure that instead
        int queueWait = Integer.parseInt(options.getOrDefault("queue-wait", "7200"));
        if (queueWait > 0) {
            ConsoleSession admin = ConsoleSession.signIn(http, base, options.getOrDefault("admin", "admin"), password);
            String games = admin.page("/console/admin/games");
            Matcher settings = Pattern.compile(
                    "\\(" + Pattern.quote(game) + "\\)</td>.*?(/console/chat/settings/[0-9a-f-]{36})", Pattern.DOTALL)
                    .matcher(games);
            if (!settings.find()) {
                throw new IllegalStateException("game " + game + " is not on the games page");
            }
            String form = admin.page(settings.group(1));
            Matcher box = Pattern.compile("<input[^>]*name=\"guests\"[^>]*>").matcher(form);
            boolean guests = box.find() && box.group().contains("checked");
            admin.submit(settings.group(1), Map.of("guests", Boolean.toString(guests), "timeZone", "Asia/Shanghai",
                    "maxWaitSeconds", Integer.toString(queueWait)));
            System.out.printf("game %s: chats wait up to %d s in the queue%n", game, queueWait);
        }

        // 1. chats, started through the widget's API with identities signed as a game server signs them
        long t0 = System.nanoTime();
        List<String[]> chats = new ArrayList<>(); // chat id, token
        Semaphore parallel = new Semaphore(8);
        List<CompletableFuture<String[]>> starts = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int i = 0; i < players; i++) {
            int n = i;
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    parallel.acquire();
                    try {
                        // 503 (database busy) asks to try again: a client does, after a pause
                        for (int attempt = 1;; attempt++) {
                            try {
                                return start(http, base, game, secret, "load-" + run + "-" + n);
                            } catch (IllegalStateException busy) {
                                if (attempt == 5 || !busy.getMessage().contains(" 503 ")) {
                                    throw busy;
                                }
                                TimeUnit.SECONDS.sleep(attempt);
                            }
                        }
                    } finally {
                        parallel.release();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        for (CompletableFuture<String[]> start : starts) {
            chats.add(start.join());
        }
        System.out.printf("started %d chats in %.1f s%n", players, (System.nanoTime() - t0) / 1e9);
        settle(http, base);

        // 2. the agent's console connection, subscribed to every chat
        ConsoleSession console = ConsoleSession.signIn(HttpClient.newHttpClient(), base, agent, password);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger received = new AtomicInteger();
        Stomp agentSocket = Stomp.open(http, ws + "/console/chat/ws", Map.of("Cookie", console.sessionCookie()),
                Map.of("X-CSRF-TOKEN", console.csrfToken()), body -> {
                    int at = body.indexOf("load-t=");
                    if (at >= 0) {
                        long sent = Long.parseLong(body.substring(at + 7, body.indexOf(';', at)));
                        received.incrementAndGet();
                        if (sent >= measuredFrom.get()) {
                            synchronized (latency) {
                                latency.recordValue(Math.max(0, System.nanoTime() - sent));
                            }
                        }
                    }
                });
        for (String[] chat : chats) {
            agentSocket.subscribe("/topic/chat." + chat[0]);
        }

        // 3. the players' connections
        t0 = System.nanoTime();
        AtomicInteger refused = new AtomicInteger();
        List<Stomp> sockets = new ArrayList<>();
        List<CompletableFuture<Stomp>> opening = new ArrayList<>();
        for (String[] chat : chats) {
            opening.add(CompletableFuture.supplyAsync(() -> {
                try {
                    parallel.acquire();
                    try {
                        Stomp socket = Stomp.open(http, ws + "/chat/ws", Map.of(),
                                Map.of("chat-session", chat[0], "chat-token", chat[1]), body -> {
                                    if (body.contains("\"code\"")) {
                                        refused.incrementAndGet();
                                    }
                                });
                        socket.subscribe("/user/queue/errors");
                        return socket;
                    } finally {
                        parallel.release();
                    }
                } catch (Exception e) {
                    return null;
                }
            }, threads));
        }
        for (CompletableFuture<Stomp> open : opening) {
            Stomp socket = open.join();
            if (socket != null) {
                sockets.add(socket);
            }
        }
        System.out.printf("opened %d of %d player connections in %.1f s%n", sockets.size(), players,
                (System.nanoTime() - t0) / 1e9);

        // 4. messages at a fixed total rate, round robin over the players
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(warmup + seconds);
        measuredFrom.set(begin + TimeUnit.SECONDS.toNanos(warmup));
        int sent = 0;
        int measuredSent = 0;
        for (long next = begin; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int i = sent % sockets.size();
            Stomp socket = sockets.get(i);
            long now = System.nanoTime();
            String body = "load-t=" + now + "; 充值没到账 " + sent;
            socket.send("/app/chat/" + chats.get(i)[0] + "/send",
                    JSON.writeValueAsString(Map.of("clientId", "b-" + sent, "body", body)));
            sent++;
            if (now >= measuredFrom.get()) {
                measuredSent++;
            }
        }
        TimeUnit.SECONDS.sleep(5); // the last messages still on their way
        int stillOpen = (int) sockets.stream().filter(Stomp::open).count();

        System.out.println();
        System.out.printf("players: %d connections held (of %d), still open at the end: %d%n", sockets.size(), players,
                stillOpen);
        System.out.printf("messages: %d sent at %d/s (%d measured), %d delivered to the agent, %d refusals%n", sent,
                rate, measuredSent, received.get(), refused.get());
        System.out.printf("player -> agent delivery latency (ms): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (n=%d)%n",
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(95) / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, latency.getTotalCount());
        System.out.printf("delivered within the run: %.1f %%%n", 100.0 * latency.getTotalCount() / Math.max(1, measuredSent));
        for (Stomp socket : sockets) {
            socket.close();
        }
        agentSocket.close();
        threads.shutdownNow();
        System.exit(0);
    }

    /**
     * Waits until the node has handled the events of the chats just started (every new chat
     * opens a ticket that routing, service levels, indexing… react to), so that what follows
     * measures chat messages rather than that backlog.
     */
    private static void settle(HttpClient http, String base) throws Exception {
        long t0 = System.nanoTime();
        HttpRequest metrics = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build();
        for (int i = 0; i < 600; i++) {
            String body = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
            double waiting = body.lines().filter(l -> l.startsWith("executor_queued_tasks{name=\"eventWorkerThreads\"}"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            if (waiting == 0) {
                System.out.printf("the node's event backlog was handled %.1f s later%n", (System.nanoTime() - t0) / 1e9);
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        System.out.println("the node still had events waiting after 10 minutes; going on");
    }

    private static String[] start(HttpClient http, String base, String game, String secret, String account)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("identity", identity(game, account, secret), "clientId", "first",
                "message", "你好"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/chat/api/" + game + "/chats"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("start refused: " + answer.statusCode() + " " + answer.body());
        }
        JsonNode json = JSON.readTree(answer.body());
        return new String[] { json.get("chat").asText(), json.get("token").asText() };
    }

    /** A player's identity signed now with the game's chat secret, as a game server signs it (docs/chat.md). */
    static Map<String, Object> identity(String game, String account, String secret) throws Exception {
        long ts = Instant.now().getEpochSecond();
        String text = String.join("\n", game, account, "压测玩家", "1", "S1", Long.toString(ts));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        return Map.of("game", game, "accountId", account, "nickname", "压测玩家", "vipLevel", 1, "server", "S1",
                "timestamp", ts, "signature", signature);
    }

    /** A minimal STOMP 1.2 client on the JDK's WebSocket: CONNECT, SUBSCRIBE, SEND, MESSAGE bodies to a callback. */
    static final class Stomp implements WebSocket.Listener {

        private final java.util.function.Consumer<String> onBody;
        private final CountDownLatch connected = new CountDownLatch(1);
        private final StringBuilder buffer = new StringBuilder();
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<String, CountDownLatch> receipts = new ConcurrentHashMap<>();
        private volatile WebSocket socket;
        private volatile boolean closed;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        private Stomp(java.util.function.Consumer<String> onBody) {
            this.onBody = onBody;
        }

        static Stomp open(HttpClient http, String url, Map<String, String> handshake, Map<String, String> connect,
                java.util.function.Consumer<String> onBody) throws Exception {
            Stomp stomp = new Stomp(onBody);
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
            handshake.forEach(builder::header);
            stomp.socket = builder.buildAsync(URI.create(url), stomp).get(30, TimeUnit.SECONDS);
            StringBuilder frame = new StringBuilder("CONNECT\naccept-version:1.2\nheart-beat:0,0\nhost:127.0.0.1\n");
            connect.forEach((k, v) -> frame.append(k).append(':').append(v).append('\n'));
            stomp.write(frame.append("\n\u0000").toString());
            if (!stomp.connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no CONNECTED from " + url);
            }
            if (stomp.closed) {
                throw new IllegalStateException("refused or closed by " + url);
            }
            return stomp;
        }

        void subscribe(String destination) {
            write("SUBSCRIBE\nid:s" + ids.incrementAndGet() + "\ndestination:" + destination + "\n\n\u0000");
        }

        /** Subscribes with a receipt and waits for it: once it returns, messages to the destination arrive. */
        boolean subscribeConfirmed(String destination, Duration wait) throws InterruptedException {
            String id = "s" + ids.incrementAndGet();
            CountDownLatch receipt = new CountDownLatch(1);
            receipts.put(id, receipt);
            write("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nreceipt:" + id + "\n\n\u0000");
            try {
                return receipt.await(wait.toMillis(), TimeUnit.MILLISECONDS) && !closed;
            } finally {
                receipts.remove(id);
            }
        }

        void send(String destination, String json) {
            write("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + json + "\u0000");
        }

        boolean open() {
            return !closed;
        }

        /** The JDK's WebSocket allows one outstanding send at a time: frames are chained. */
        private synchronized void write(String frame) {
            sending = sending.thenCompose(ignored -> socket.sendText(frame, true)).exceptionally(e -> null);
        }

        void close() {
            if (!closed) {
                closed = true;
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            int end;
            while ((end = buffer.indexOf("\u0000")) >= 0) {
                String frame = buffer.substring(0, end).replaceFirst("^[\r\n]+", "");
                buffer.delete(0, end + 1);
                if (frame.startsWith("CONNECTED")) {
                    connected.countDown();
                } else if (frame.startsWith("MESSAGE")) {
                    int split = frame.indexOf("\n\n");
                    onBody.accept(split < 0 ? "" : frame.substring(split + 2));
                } else if (frame.startsWith("RECEIPT")) {
                    Matcher id = Pattern.compile("receipt-id:([^\n]+)").matcher(frame);
                    if (id.find() && receipts.containsKey(id.group(1).strip())) {
                        receipts.get(id.group(1).strip()).countDown();
                    }
                } else if (frame.startsWith("ERROR")) {
                    closed = true;
                    connected.countDown();
                    receipts.values().forEach(CountDownLatch::countDown);
                    System.err.println("ERROR frame: " + frame.replace('\n', ' '));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            connected.countDown();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
            connected.countDown();
        }
    }
}

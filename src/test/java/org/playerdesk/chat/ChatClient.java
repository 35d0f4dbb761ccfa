package org.playerdesk.chat;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * A chat client over the real WebSocket, as the widget and the console use it: a player with a
 * chat token, or an agent signed in to the console with its session cookie and CSRF token. What
 * it receives lands in queues the test reads, waiting at most a few seconds.
 */
public final class ChatClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Map<String, Object>> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final WebSocketStompClient stomp;
    private StompSession session;
    private HttpClient http;
    private String base;
    private String csrfHeader;
    private String csrfToken;

    private final org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler receipts =
            new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();

    private ChatClient() {
        StandardWebSocketClient sockets = new StandardWebSocketClient();
        // the handshake may wait on a loaded machine longer than Tomcat's client waits by default (5 s)
        sockets.setUserProperties(java.util.Map.of("org.apache.tomcat.websocket.IO_TIMEOUT_MS", "30000"));
        stomp = new WebSocketStompClient(sockets);
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        receipts.initialize();
        stomp.setTaskScheduler(receipts);
    }

    public static ChatClient player(String base, String chat, String token) throws Exception {
        ChatClient client = new ChatClient();
        StompHeaders connect = new StompHeaders();
        connect.add("chat-session", chat);
        connect.add("chat-token", token);
        client.connect(ws(base) + "/chat/ws", new WebSocketHttpHeaders(), connect);
        return client;
    }

    /** Signs in through the console's form, then connects with the session cookie and the page's CSRF token. */
    public static ChatClient agent(String base, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = find(login, "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        String form = "username=" + username + "&password=" + password + "&_csrf=" + csrf;
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/console/chat")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = find(page, "name=\"_csrf\" content=\"([^\"]+)\"");
        String header = find(page, "name=\"_csrf_header\" content=\"([^\"]+)\"");
        String cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().toString();
        ChatClient client = new ChatClient();
        client.http = http;
        client.base = base;
        client.csrfHeader = header;
        client.csrfToken = token;
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", cookie);
        StompHeaders connect = new StompHeaders();
        connect.add(header, token);
        client.connect(ws(base) + "/console/chat/ws", handshake, connect);
        return client;
    }

    /** A console action as the signed-in agent (a form post with the CSRF token); the answer's status. */
    public int post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A console page or state as the signed-in agent: the answer's body. */
    public String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Connects without waiting for CONNECTED: a refused CONNECT ends in {@link #refusals}. */
    public static ChatClient tryPlayer(String base, String chat, String token) {
        return tryPlayer(base, chat, token, null);
    }

    /** As {@link #tryPlayer(String, String, String)}, from a browser that asks for a language. */
    public static ChatClient tryPlayer(String base, String chat, String token, String acceptLanguage) {
        ChatClient client = new ChatClient();
        StompHeaders connect = new StompHeaders();
        connect.add("chat-session", chat);
        connect.add("chat-token", token);
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        if (acceptLanguage != null) {
            handshake.add("Accept-Language", acceptLanguage);
        }
        client.stomp.connectAsync(ws(base) + "/chat/ws", handshake, connect, client.handler());
        return client;
    }

    private void connect(String url, WebSocketHttpHeaders handshake, StompHeaders connect) throws Exception {
        session = stomp.connectAsync(url, handshake, connect, handler()).get(40, TimeUnit.SECONDS);
    }

    private StompSessionHandlerAdapter handler() {
        return new StompSessionHandlerAdapter() {
            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                // the refusal's code, then its words
                refusals.add(headers.getFirst("code") + " " + headers.getFirst("message"));
            }

            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                    Throwable exception) {
                refusals.add(String.valueOf(exception));
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                closed.countDown();
            }
        };
    }

    public void subscribe(String destination) {
        session.subscribe(destination, into(destination.startsWith("/user/") ? errors : events));
    }

    /**
     * Subscribes and waits for the broker's receipt: through the RabbitMQ relay, a message sent
     * before the subscription is bound would not reach it. (The simple broker sends no receipts.)
     */
    public void subscribeConfirmed(String destination) throws Exception {
        java.util.concurrent.CompletableFuture<Void> bound = new java.util.concurrent.CompletableFuture<>();
        session.setAutoReceipt(true);
        try {
            StompSession.Subscription subscription = session.subscribe(destination, into(events));
            subscription.addReceiptTask(() -> bound.complete(null));
            subscription.addReceiptLostTask(() -> bound.completeExceptionally(new AssertionError("no receipt")));
        } finally {
            session.setAutoReceipt(false);
        }
        bound.get(10, TimeUnit.SECONDS);
    }

    public void send(String destination, Object payload) {
        session.send(destination, payload);
    }

    public boolean connected() {
        return session != null && session.isConnected();
    }

    /**
     * Waits until this client's subscription to the chat is in place (the simple broker sends no
     * receipts): its own typing comes back on the chat's topic once it is.
     */
    public void awaitSubscribed(String chat) {
        await("the subscription to chat " + chat).atMost(WAIT).until(() -> {
            session.send("/app/chat/" + chat + "/typing", Map.of());
            return next(Duration.ofMillis(500), event -> "typing".equals(event.get("type"))) != null;
        });
    }

    public Map<String, Object> next(String type) {
        return await("a '" + type + "' event").atMost(WAIT)
                .until(() -> next(Duration.ofMillis(100), event -> type.equals(event.get("type"))), Objects::nonNull);
    }

    /** The next message line written by {@code kind} (player or agent), skipping the rest. */
    public Map<String, Object> nextLine(String kind) {
        return line(await("a message from the " + kind).atMost(WAIT)
                .until(() -> next(Duration.ofMillis(100), event -> "message".equals(event.get("type"))
                        && kind.equals(line(event).get("kind"))), Objects::nonNull));
    }

    /** The first event within {@code within} that {@code wanted} accepts, dropping the others; null if none came. */
    private Map<String, Object> next(Duration within, Predicate<Map<String, Object>> wanted)
            throws InterruptedException {
        Map<String, Object> event;
        while ((event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            if (wanted.test(event)) {
                return event;
            }
        }
        return null;
    }

    public Map<String, Object> nextError() throws InterruptedException {
        Map<String, Object> error = errors.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (error == null) {
            throw new AssertionError("no error arrived");
        }
        return error;
    }

    /**
     * The reason of a refusal that ends the connection, or null when the connection closed
     * without one. The server writes the ERROR frame before it closes, but while an earlier frame
     * to the same connection is still being flushed, Spring's send buffer
     * ({@code ConcurrentWebSocketSessionDecorator}) queues the ERROR frame and the close that
     * follows drops it: the refusal holds, only its reason is lost.
     */
    public String refusalOrClose() throws InterruptedException {
        if (!closed.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the server neither refused nor closed the connection");
        }
        // a frame is handled before the close that follows it, on the same connection
        return refusals.poll();
    }

    public String nextRefusal() throws InterruptedException {
        String refusal = refusals.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (refusal == null) {
            throw new AssertionError("the server did not refuse");
        }
        return refusal;
    }

    @SuppressWarnings("unchecked")
    private static StompFrameHandler into(BlockingQueue<Map<String, Object>> queue) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                queue.add(JSON.readValue(new String((byte[]) payload, StandardCharsets.UTF_8), Map.class));
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> line(Map<String, Object> event) {
        return (Map<String, Object>) event.get("line");
    }

    private static String ws(String base) {
        return base.replaceFirst("^http", "ws");
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("not found: " + regex);
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            try {
                session.disconnect();
            } catch (RuntimeException e) {
                // the server closed the connection first (after an ERROR frame)
            }
        }
        stomp.stop();
        receipts.shutdown();
    }

    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}

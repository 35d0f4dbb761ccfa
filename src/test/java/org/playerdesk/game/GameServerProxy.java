package org.playerdesk.game;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A network path to a game backend that tests can break: it forwards requests to the simulated
 * game served over HTTP, and can hold every request until released (a game that does not answer
 * in time, however long the budget), answer 503 a few times, or be stopped and started again on
 * the same port (an outage and its end).
 */
final class GameServerProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("X-PlayerDesk-Timestamp", "X-PlayerDesk-Signature",
            "Idempotency-Key", "Content-Type", "Accept");

    private final String target;
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;
    private int port;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile Duration holdAtMost = Duration.ZERO;
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();

    GameServerProxy(String target) {
        this.target = target;
    }

    GameServerProxy start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    void stop() {
        server.stop(0);
    }

    /**
     * From now on, every request waits until {@link #release()}, or {@code atMost}: chosen beyond
     * the budget under test and within the connector's own timeout, so that a client that does
     * not give up in time gets the game's answer, and the test sees it.
     */
    void hold(Duration atMost) {
        holdAtMost = atMost;
        held = new CountDownLatch(1);
    }

    /** Lets the held requests and the next ones through. */
    void release() {
        held.countDown();
    }

    /** Whether every request received has been answered (none held or on its way). */
    boolean idle() {
        return answered.get() == requests.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void forward(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            held.await(holdAtMost.toMillis(), TimeUnit.MILLISECONDS);
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answered.incrementAndGet();
        }
    }

    @Override
    public void close() {
        release();
        if (server != null) {
            server.stop(0);
        }
    }
}

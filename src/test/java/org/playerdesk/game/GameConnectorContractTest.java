package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.contract.OpenApiContract;
import org.playerdesk.game.internal.DefaultGameBackends;
import org.playerdesk.game.internal.http.HttpGameBackend;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The game connector's published contract (docs/game-connector.openapi.yaml), kept on both sides
 * of the wire: every request the HTTP connector sends (path, query, headers, signature, body) and
 * every answer of the simulated game served over HTTP (status, content type, body) is checked
 * against the document, as a recording proxy between the two sees them. Every operation of the
 * document is called, with good and bad requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "playerdesk.game.simulated-http.enabled=true",
        "playerdesk.game.simulated-http.secret=" + HttpGameConnectorTest.SECRET,
        "playerdesk.game.circuit-breaker.minimum-calls=3",
        "playerdesk.game.circuit-breaker.window=4",
        "playerdesk.game.circuit-breaker.open-for=1s" }) // the context of HttpGameConnectorTest, shared
@Import(TestWorkspace.class)
class GameConnectorContractTest {

    static final String SECRET = HttpGameConnectorTest.SECRET;

    @LocalServerPort
    int port;
    @Autowired
    DefaultGameBackends backends;
    @Autowired
    Clock clock;

    OpenApiContract contract;
    Recorder recorder;
    String base;

    /** One exchange as it crossed the wire. */
    record Exchange(String method, String pathAndQuery, Map<String, String> headers, byte[] body, int status,
            String contentType, byte[] answer) {
    }

    @BeforeEach
    void start() throws IOException {
        contract = OpenApiContract.ofFile(Path.of("docs/game-connector.openapi.yaml"));
        base = "/simulated-game/" + TestWorkspace.unique("c");
        recorder = new Recorder("http://127.0.0.1:" + port).start();
    }

    @AfterEach
    void stop() {
        recorder.close();
    }

    @Test
    void theDocumentHasNoSlips() {
        assertThat(contract.unknownKeywords()).isEmpty();
    }

    @Test
    void theConnectorsRequestsAndTheSimulatedGamesAnswersKeepTheContract() throws Exception {
        HttpGameBackend http = backends.httpBackend(UUID.randomUUID().toString(), recorder.url(base), SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        http.ping();
        assertThat(http.currencies()).hasSizeGreaterThan(1);
        for (String account : List.of("10001", "10007", "10010", "40001", "20002", "10002")) {
            http.profile(account);
            http.logins(account, 3);
            http.ledger(account, null, null);
            http.purchases(account);
            http.redemptions(account);
            http.bans(account);
            http.linkedAccounts(account);
            http.notices(account);
        }
        Instant intrusion = http.logins("10001", 1).getFirst().at();
        assertThat(http.ledger("10001", intrusion, clock.instant())).isNotEmpty();
        assertThatThrownBy(() -> http.profile("不存在 的账号?")).isInstanceOf(UnknownAccount.class);

        assertThat(http.perform(new GameAction.Ban(key(), "10004", "gm", Duration.ofDays(7), "外挂")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Unban(key(), "10004", "gm", "申诉成功")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Unban(key(), "10004", "gm", null)).applied())
                .as("nothing to unban").isFalse();
        assertThat(http.perform(new GameAction.Ban(key(), "10006", "gm", null, "脚本")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Compensate(key(), "10005", "agent", 5_000, null, 0, "补偿")).applied())
                .isTrue();
        assertThat(http.perform(new GameAction.Compensate(key(), "10005", "agent", "diamond", 60, null, 0, "补发钻石"))
                .applied()).isTrue();
        assertThat(http.perform(new GameAction.Compensate(key(), "10005", "agent", 0, "复活石", 3, null)).applied())
                .isTrue();
        assertThat(http.perform(new GameAction.Notify(key(), "10005", "agent", InGameNotice.MAIL, "客服补偿到账",
                "已补发 60 钻石")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Notify(key(), "10005", "agent", InGameNotice.NOTICE, null,
                "您的账号已恢复")).applied()).isTrue();
        String message = key();
        assertThat(http.perform(new GameAction.Message(message, "10005", "campaign", "老玩家回归", "回归礼包",
                "好久不见，回归礼包已备好")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Message(message, "10005", "campaign", "老玩家回归", "回归礼包",
                "好久不见，回归礼包已备好")).replayed()).as("a retried campaign message is delivered once").isTrue();
        assertThat(http.perform(new GameAction.Freeze(key(), "10008", "gm", "纠纷")).applied()).isTrue();
        assertThat(http.perform(new GameAction.ResetPassword(key(), "10008", "gm")).applied()).isTrue();
        assertThat(http.notices("10005")).hasSize(3);
        assertThatThrownBy(() -> http.perform(new GameAction.Freeze(key(), "不存在", "gm", "x")))
                .isInstanceOf(UnknownAccount.class);

        HttpGameBackend wrongSecret = backends.httpBackend(UUID.randomUUID().toString(), recorder.url(base),
                "not-the-right-secret-at-all", Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrongSecret.profile("10001")).isInstanceOf(GameBackendUnavailable.class);

        List<Exchange> connectorCalls = List.copyOf(recorder.exchanges);
        for (Exchange exchange : connectorCalls) {
            String path = exchange.pathAndQuery().substring(base.length());
            contract.assertRequest(exchange.method(), path, exchange.headers(), exchange.headers().get("Content-Type"),
                    exchange.body());
            contract.assertAnswer(exchange.method(), path, exchange.status(), exchange.contentType(), exchange.answer());
        }
        assertThat(connectorCalls).filteredOn(e -> e.status() < 400).allSatisfy(e -> assertThat(
                SignedRequests.verify(SECRET, e.method(), e.pathAndQuery(), e.headers().get(SignedRequests.TIMESTAMP),
                        e.body(), e.headers().get(SignedRequests.SIGNATURE), clock.instant()))
                .as("signed: %s %s", e.method(), e.pathAndQuery()).isTrue());

        // what the connector never sends, answered as the contract says
        answer(signed("POST", base + "/accounts/10004/actions/freeze", "{\"operator\": \"gm\"}", null), 400);
        answer(signed("POST", base + "/accounts/10004/actions/freeze", "{\"operator\": ", key()), 400);
        answer(signed("GET", base + "/accounts/10004/ledger?from=yesterday", null, null), 400);
        answer(HttpRequest.newBuilder(URI.create(recorder.url(base + "/health"))).GET().build(), 401);

        assertThat(contract.unexercised(true)).as("operations no request was checked of").isEmpty();
        assertThat(contract.unexercised(false)).as("operations no answer was checked of").isEmpty();
        assertThat(contract.seen()).contains("profile 404", "profile 401", "freeze 400", "ledger 400", "health 401");
    }

    /** A signed request made by hand, with or without an idempotency key. */
    private HttpRequest signed(String method, String pathAndQuery, String body, String idempotencyKey) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(recorder.url(pathAndQuery)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header(SignedRequests.TIMESTAMP, timestamp)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(SECRET, method, pathAndQuery, timestamp, bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header(SignedRequests.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return request.build();
    }

    private void answer(HttpRequest request, int expected) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("%s %s", request.method(), request.uri()).isEqualTo(expected);
        String pathAndQuery = request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        contract.assertAnswer(request.method(), pathAndQuery.substring(base.length()), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** Forwards to the simulated game and keeps every exchange as it was sent and answered. */
    static final class Recorder implements AutoCloseable {

        private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "upgrade",
                "http2-settings", "transfer-encoding", "keep-alive", "expect");

        final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        private final String target;
        private final HttpClient client = HttpClient.newHttpClient();
        private HttpServer server;

        Recorder(String target) {
            this.target = target;
        }

        Recorder start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext("/", this::forward);
            server.start();
            return this;
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach((name, value) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                        request.header(name, value);
                    }
                });
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                        body, response.statusCode(), contentType, response.body()));
                if (contentType != null) {
                    exchange.getResponseHeaders().add("Content-Type", contentType);
                }
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                        : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

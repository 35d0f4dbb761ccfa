package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.internal.DefaultGameBackends;
import org.playerdesk.game.internal.http.HttpGameBackend;
import org.playerdesk.game.internal.simulated.SimulatedGames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The HTTP connector against the contract of docs/game-connector.md, served by the simulated
 * game over HTTP on a random port, through a proxy that can be slowed down or stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "playerdesk.game.simulated-http.enabled=true",
        "playerdesk.game.simulated-http.secret=" + HttpGameConnectorTest.SECRET,
        "playerdesk.game.circuit-breaker.minimum-calls=3",
        "playerdesk.game.circuit-breaker.window=4",
        "playerdesk.game.circuit-breaker.open-for=1s",
        // the production budget: these tests hold the game beyond it
        "playerdesk.game.page-budget=1500ms" })
@Import(TestWorkspace.class)
class HttpGameConnectorTest {

    static final String SECRET = "simulated-game-test-secret";

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    DefaultGameBackends backends;
    @Autowired
    GameConnectors connectors;
    @Autowired
    GameBackends gameBackends;
    @Autowired
    SimulatedGames simulated;
    @Autowired
    GameAccounts accounts;

    GameServerProxy proxy;
    String code;

    @BeforeEach
    void start() throws Exception {
        proxy = new GameServerProxy("http://127.0.0.1:" + port).start();
        code = TestWorkspace.unique("h");
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private HttpGameBackend connector(String secret, Duration read) {
        return backends.httpBackend(UUID.randomUUID().toString(), proxy.url("/simulated-game/" + code), secret,
                Duration.ofSeconds(1), read);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void everyLookupAnswersWhatTheGameKnows() {
        HttpGameBackend http = connector(SECRET, Duration.ofSeconds(5));
        GameBackend direct = simulated.backend(code);

        http.ping();
        for (String account : new String[] {"10001", "10007", "40001", "30003", "20002"}) {
            assertThat(http.profile(account)).isEqualTo(direct.profile(account));
            assertThat(http.logins(account, 3)).hasSize(3).isEqualTo(direct.logins(account, 3));
            assertThat(http.ledger(account, null, null)).isEqualTo(direct.ledger(account, null, null));
            assertThat(http.purchases(account)).isEqualTo(direct.purchases(account));
            assertThat(http.redemptions(account)).isEqualTo(direct.redemptions(account));
            assertThat(http.bans(account)).isEqualTo(direct.bans(account));
            assertThat(http.linkedAccounts(account)).isEqualTo(direct.linkedAccounts(account));
        }
        Instant intrusion = direct.logins("10001", 1).getFirst().at();
        assertThat(http.ledger("10001", intrusion, Instant.now())).hasSize(2);
        assertThatThrownBy(() -> http.profile("不存在 的账号?")).isInstanceOf(UnknownAccount.class);
    }

    @Test
    void everyActionIsAppliedOncePerKey() {
        HttpGameBackend http = connector(SECRET, Duration.ofSeconds(5));
        long before = http.profile("10001").currencyBalance();
        String restore = key();

        ActionResult first = http.perform(new GameAction.Compensate(restore, "10001", "agent", 5_000, null, 0, "找回"));
        ActionResult again = http.perform(new GameAction.Compensate(restore, "10001", "agent", 5_000, null, 0, "找回"));

        assertThat(first.applied()).isTrue();
        assertThat(again.replayed()).isTrue();
        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(http.profile("10001").currencyBalance()).isEqualTo(before + 5_000);
        assertThat(http.perform(new GameAction.Ban(key(), "10004", "gm", Duration.ofDays(7), "外挂")).applied()).isTrue();
        assertThat(http.profile("10004").status()).isEqualTo(AccountStatus.BANNED);
        assertThat(http.perform(new GameAction.Unban(key(), "10004", "gm", "申诉成功")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Ban(key(), "10006", "gm", null, "脚本")).applied()).isTrue();
        assertThat(http.bans("10006").getFirst().permanent()).isTrue();
        assertThat(http.perform(new GameAction.Freeze(key(), "10005", "gm", "纠纷")).applied()).isTrue();
        assertThat(http.perform(new GameAction.ResetPassword(key(), "10005", "gm")).applied()).isTrue();
        assertThat(http.perform(new GameAction.Compensate(key(), "10005", "gm", 0, "复活石", 3, "补偿")).message())
                .contains("复活石");
        assertThat(http.profile("10005").status()).isEqualTo(AccountStatus.FROZEN);
    }

    @Test
    void aWrongSignatureIsRefusedAndNotRetried() {
        HttpGameBackend http = connector("not-the-right-secret-at-all", Duration.ofSeconds(5));

        assertThatThrownBy(() -> http.profile("10001")).isInstanceOf(GameBackendUnavailable.class)
                .hasMessageContaining("401");
        assertThat(proxy.requests.get()).isEqualTo(1);
    }

    @Test
    void aPassingFailureIsRetriedAndAnActionStillAppliedOnce() {
        HttpGameBackend http = connector(SECRET, Duration.ofSeconds(5));
        long before = http.profile("10003").currencyBalance();
        proxy.failNext.set(1);

        assertThat(http.profile("10003").nickname()).isEqualTo("狂战天下");

        proxy.failNext.set(1);
        ActionResult result = http.perform(new GameAction.Compensate(key(), "10003", "gm", 6480, null, 0, "补单"));
        assertThat(result.applied()).isTrue();
        assertThat(http.profile("10003").currencyBalance()).isEqualTo(before + 6480);
    }

    @Test
    void aSlowBackendTimesOutWithoutRetrying() {
        HttpGameBackend http = connector(SECRET, Duration.ofMillis(300));
        // answered after 10 s: a connector that kept waiting would get the profile
        proxy.hold(Duration.ofSeconds(10));

        assertThatThrownBy(() -> http.profile("10001")).isInstanceOf(GameBackendUnavailable.class)
                .hasMessageContaining("in time");
        assertThat(proxy.requests.get()).isEqualTo(1);
    }

    @Test
    void anOutageOpensTheCircuitAndItClosesAgainWhenTheGameIsBack() throws Exception {
        HttpGameBackend http = connector(SECRET, Duration.ofSeconds(2));
        assertThat(http.profile("10001").nickname()).isEqualTo("夜雨听风");
        proxy.stop();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> http.profile("10001")).isInstanceOf(GameBackendUnavailable.class);
        }
        assertThat(http.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> http.profile("10001")).isInstanceOf(GameBackendUnavailable.class)
                .hasMessageContaining("paused");

        proxy.start();
        int seen = proxy.requests.get();
        assertThatThrownBy(() -> http.profile("10001")).as("still open: not even tried")
                .isInstanceOf(GameBackendUnavailable.class);
        assertThat(proxy.requests.get()).isEqualTo(seen);
        // after open-for (1 s) the next call is let through as a trial; until then each is refused unsent
        await().atMost(Duration.ofSeconds(30)).ignoreException(GameBackendUnavailable.class)
                .until(() -> http.profile("10001").nickname().equals("夜雨听风"));
        assertThat(http.circuit()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(http.logins("10001", 1)).hasSize(1);
        assertThat(http.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aPageDoesNotWaitForASlowGameButItsLateAnswerIsKeptForTheNextView() throws Exception {
        GameInfo game = workspace.game();
        connectors.configure(game.id(), ConnectorKind.HTTP, proxy.url("/simulated-game/" + game.code()), SECRET, 1000,
                10_000, "admin");
        // held beyond the page budget (1.5 s) and within the connector's timeout (10 s): a read
        // that waited for the game would get the account
        proxy.hold(Duration.ofSeconds(6));

        AccountSnapshot slow = accounts.snapshot(game.id(), "10001");
        assertThat(slow.state()).isEqualTo(AccountSnapshot.State.UNAVAILABLE);

        proxy.release();
        // the read under way is shared, not asked again, until its answer is there
        await().atMost(Duration.ofSeconds(30)).until(() -> accounts.snapshot(game.id(), "10001").available());
        int seen = proxy.requests.get();
        AccountSnapshot later = accounts.snapshot(game.id(), "10001");
        assertThat(later.available()).isTrue();
        assertThat(later.profile().nickname()).isEqualTo("夜雨听风");
        assertThat(later.logins()).isNotEmpty();
        assertThat(proxy.requests.get()).as("from the cache").isEqualTo(seen);

        gameBackends.of(game.id()).perform(new GameAction.Freeze(key(), "10001", "gm", "盗号保护"));
        assertThat(accounts.snapshot(game.id(), "10001").profile().status()).as("an action drops the cached data")
                .isEqualTo(AccountStatus.FROZEN);
    }

    @Test
    void aGameConfiguredForHttpIsServedThroughTheConnector() {
        GameInfo game = workspace.game();
        String base = proxy.url("/simulated-game/" + game.code());
        assertThat(gameBackends.connected(game.id())).isFalse();

        connectors.configure(game.id(), ConnectorKind.HTTP, base, SECRET, 1000, 2000, "admin");

        assertThat(gameBackends.connected(game.id())).as("seen at once").isTrue();
        assertThat(gameBackends.of(game.id()).profile("50001").vipLevel()).isEqualTo(15);
        assertThat(connectors.test(game.id()).ok()).isTrue();
        assertThat(connectors.settings(game.id())).isEqualTo(new ConnectorSettings(ConnectorKind.HTTP, base, true,
                Duration.ofSeconds(1), Duration.ofSeconds(2)));

        connectors.configure(game.id(), ConnectorKind.HTTP, base, "", null, null, "admin");
        assertThat(connectors.settings(game.id()).secretSet()).as("a blank secret keeps the stored one").isTrue();
        assertThat(gameBackends.of(game.id()).profile("50001").vipLevel()).isEqualTo(15);

        proxy.stop();
        GameConnectors.TestResult down = connectors.test(game.id());
        assertThat(down.ok()).isFalse();
        assertThat(down.problem()).isNotBlank().doesNotContain(SECRET);
    }

    @Test
    void currenciesCompensationsInAnyCurrencyAndInGameMessagesCrossTheWire() {
        HttpGameBackend http = connector(SECRET, Duration.ofSeconds(5));
        GameBackend direct = simulated.backend(code);

        assertThat(http.currencies()).isEqualTo(direct.currencies());
        long diamonds = http.profile("10004").balances().get("diamond");
        ActionResult given = http.perform(new GameAction.Compensate(key(), "10004", "agent", "diamond", 60, null, 0,
                "补发钻石"));
        assertThat(given.applied()).isTrue();
        assertThat(direct.profile("10004").balances().get("diamond")).isEqualTo(diamonds + 60);
        assertThat(http.perform(new GameAction.Compensate(key(), "10004", "agent", "rubies", 60, null, 0, "x"))
                .applied()).isFalse();

        String notify = key();
        ActionResult told = http.perform(new GameAction.Notify(notify, "10004", "agent", InGameNotice.MAIL, "客服补偿到账",
                "已补发 60 钻石"));
        ActionResult again = http.perform(new GameAction.Notify(notify, "10004", "agent", InGameNotice.MAIL,
                "客服补偿到账", "已补发 60 钻石"));
        assertThat(told.applied()).isTrue();
        assertThat(again.replayed()).isTrue();
        assertThat(http.notices("10004")).isEqualTo(direct.notices("10004")).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("已补发 60 钻石"));
        assertThat(http.perform(new GameAction.Notify(key(), "10004", "agent", "carrier-pigeon", "t", "x")).applied())
                .isFalse();
    }

    @Test
    void aGameThatNamesNoCurrenciesHoldsOnePrimaryCurrencyAndKeepsNoMessages() throws Exception {
        com.sun.net.httpserver.HttpServer older = com.sun.net.httpserver.HttpServer
                .create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        older.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("X-PlayerDesk-Signature"));
            byte[] body = "{\"error\":\"not_found\",\"message\":\"no such path\"}".getBytes();
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        older.start();
        try {
            HttpGameBackend http = backends.httpBackend(UUID.randomUUID().toString(),
                    "http://127.0.0.1:" + older.getAddress().getPort() + "/game", SECRET, Duration.ofSeconds(1),
                    Duration.ofSeconds(2));
            assertThat(http.currencies()).containsExactly(Currency.COINS);
            assertThat(http.notices("10004")).isEmpty();
            assertThat(asked).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("GET /game/").contains("v1="));
        } finally {
            older.stop(0);
        }
    }
}

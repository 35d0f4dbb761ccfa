package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.contract.OpenApiContract;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rate limits of the public doors on a real server, with tight limits and a clock that moves
 * only when told: the game API per key, help-center posts and failed sign-ins per client address.
 * The server trusts {@code X-Forwarded-For} here (as behind a reverse proxy), so each test
 * speaks from addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "playerdesk.rate-limits.api.requests=2", "playerdesk.rate-limits.api.per=1s",
        "playerdesk.rate-limits.api.burst=3",
        "playerdesk.rate-limits.help.requests=2", "playerdesk.rate-limits.help.per=1m",
        "playerdesk.rate-limits.help.burst=2",
        "playerdesk.rate-limits.login.requests=3", "playerdesk.rate-limits.login.per=1m",
        "playerdesk.rate-limits.login.burst=3",
        "playerdesk.rate-limits.suggest.requests=3", "playerdesk.rate-limits.suggest.per=1m",
        "playerdesk.rate-limits.suggest.burst=3",
        "playerdesk.rate-limits.chat.requests=2", "playerdesk.rate-limits.chat.per=1m",
        "playerdesk.rate-limits.chat.burst=2" })
@Import({ TestWorkspace.class, RateLimitsTest.Clocks.class })
class RateLimitsTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StoppedClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anApiKeyOverItsLimitIsAnswered429WithRetryAfterAndProblemDetailsUntilTokensFlowBack() throws Exception {
        GameInfo game = workspace.game();
        String key = workspace.apiKey(game);
        String otherKey = workspace.apiKey(game);
        PublicPages server = new PublicPages(port, newAddress());

        for (int i = 0; i < 3; i++) {
            assertThat(playerTickets(server, key).statusCode()).as("call %d of the burst", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = playerTickets(server, key);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":429", "\"type\":\"https://playerdesk.org/problems/too-many-requests\"");
        keepsTheApiDocument(server, "GET", "/api/v1/players/p1/tickets", refused);
        assertThat(playerTickets(server, otherKey).statusCode()).as("another key of the game").isEqualTo(200);

        clock.shift(Duration.ofSeconds(1));
        assertThat(playerTickets(server, key).statusCode()).isEqualTo(200);
        assertThat(playerTickets(server, key).statusCode()).isEqualTo(200);
        assertThat(playerTickets(server, key).statusCode()).isEqualTo(429);
    }

    @Test
    void helpCenterPostsOverTheLimitOfAnAddressGet429AndAPageInThePlayersLanguage() throws Exception {
        GameInfo game = workspace.game();
        PublicPages player = new PublicPages(port, newAddress());
        String home = "/help/" + game.code();

        assertThat(submitTicket(player, game, "zh-CN").statusCode()).isEqualTo(302);
        assertThat(submitTicket(player, game, "zh-CN").statusCode()).isEqualTo(302);
        HttpResponse<String> refused = submitTicket(player, game, "zh-CN");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("操作过于频繁", "请稍等一分钟后再重新提交").doesNotContain("Exception");
        HttpResponse<String> inEnglish = player.postForm(home + "/tickets", Map.of("subject", "again"), "en");
        assertThat(inEnglish.statusCode()).isEqualTo(429);
        assertThat(inEnglish.body()).contains("Please slow down", "wait a minute");

        PublicPages neighbour = new PublicPages(port, newAddress());
        assertThat(submitTicket(neighbour, game, "zh-CN").statusCode()).as("another address").isEqualTo(302);
        assertThat(tickets(game)).isEqualTo(3);

        clock.shift(Duration.ofSeconds(30));
        assertThat(submitTicket(player, game, "zh-CN").statusCode()).isEqualTo(302);
        assertThat(tickets(game)).isEqualTo(4);
    }

    @Test
    void articleSuggestionsWhileTypingAreLimitedPerAddressApartFromThePosts() throws Exception {
        GameInfo game = workspace.game();
        PublicPages player = new PublicPages(port, newAddress());
        String suggestions = "/help/" + game.code() + "/articles/suggestions?q=";

        for (int i = 0; i < 3; i++) {
            assertThat(player.send(player.request(suggestions + "recharge" + i)).statusCode()).as("keystroke %d", i + 1)
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = player.send(player.request(suggestions + "recharge"));
        assertThat(refused.statusCode()).isEqualTo(429);
        keepsTheApiDocument(player, "GET", suggestions + "recharge", refused);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(player.send(player.request("/help/" + game.code() + "/articles")).statusCode())
                .as("the help center's pages").isEqualTo(200);
        assertThat(submitTicket(player, game, "zh-CN").statusCode()).as("posting a ticket has its own limit")
                .isEqualTo(302);
        PublicPages neighbour = new PublicPages(port, newAddress());
        assertThat(neighbour.send(neighbour.request(suggestions + "recharge")).statusCode()).as("another address")
                .isEqualTo(200);

        clock.shift(Duration.ofSeconds(20));
        assertThat(player.send(player.request(suggestions + "recharge")).statusCode()).isEqualTo(200);
    }

    @Test
    void failedSignInsLockAnAddressOutUntilTheWindowPassesWhileOthersSignIn() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        PublicPages guesser = new PublicPages(port, newAddress());

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = signIn(guesser, agent.username(), "guess-" + i);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        HttpResponse<String> lockedOut = signIn(guesser, agent.username(), TestWorkspace.PASSWORD);

        assertThat(lockedOut.statusCode()).isEqualTo(429);
        assertThat(lockedOut.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(lockedOut.body()).contains("操作过于频繁");
        assertThat(signIn(new PublicPages(port, newAddress()), agent.username(), TestWorkspace.PASSWORD)
                .headers().firstValue("Location")).as("the agent at another address")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console"));

        clock.shift(Duration.ofSeconds(20));
        assertThat(signIn(guesser, agent.username(), TestWorkspace.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
    }

    @Test
    void successfulSignInsCostNothing() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        PublicPages office = new PublicPages(port, newAddress());

        for (int i = 0; i < 6; i++) {
            assertThat(signIn(office, agent.username(), TestWorkspace.PASSWORD).headers().firstValue("Location"))
                    .as("sign-in %d", i + 1).hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
        }
    }

    @Test
    void chatStartsOverTheLimitOfAnAddressGet429WithProblemDetails() throws Exception {
        GameInfo game = workspace.game();
        PublicPages widget = new PublicPages(port, newAddress());

        assertThat(startChat(widget, game, "{}").statusCode()).isNotEqualTo(429);
        assertThat(startChat(widget, game, "{}").statusCode()).isNotEqualTo(429);
        HttpResponse<String> refused = startChat(widget, game, "{}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(startChat(new PublicPages(port, newAddress()), game, "{}").statusCode()).as("another address")
                .isNotEqualTo(429);
    }

    @Test
    void aChatStartOverTheBodyLimitIsRefused413BeforeItIsRead() throws Exception {
        GameInfo game = workspace.game();
        String large = "{\"message\":\"" + "x".repeat(1024 * 1024) + "\"}";

        HttpResponse<String> declared = startChat(new PublicPages(port, newAddress()), game, large);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(declared.body()).contains("\"status\":413");

        PublicPages chunked = new PublicPages(port, newAddress());
        byte[] bytes = large.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = chunked.send(chunked.request("/chat/api/" + game.code() + "/chats")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes))));
        assertThat(streamed.statusCode()).isEqualTo(413);
    }

    @Test
    void aChatStartWithOverlongUtf8OrADuplicateKeyIsRefused400() throws Exception {
        GameInfo game = workspace.game();
        // "/" as the overlong two-byte form C0 AF
        byte[] overlong = "{\"guestName\":\"a\",\"clientId\":\"c\",\"message\":\"..?\"}"
                .getBytes(StandardCharsets.UTF_8);
        overlong[overlong.length - 4] = (byte) 0xC0;
        overlong[overlong.length - 3] = (byte) 0xAF;
        PublicPages widget = new PublicPages(port, newAddress());
        HttpResponse<String> malformed = widget.send(widget.request("/chat/api/" + game.code() + "/chats")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(overlong)));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> duplicate = startChat(new PublicPages(port, newAddress()), game,
                "{\"guestName\":\"Ann\",\"clientId\":\"c-1\",\"message\":\"hello\",\"message\":\"other\"}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(tickets(game)).isZero();
    }

    private static HttpResponse<String> startChat(PublicPages widget, GameInfo game, String json) throws Exception {
        return widget.send(widget.request("/chat/api/" + game.code() + "/chats").header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The refusal is one the API document declares for the operation, with its content type and body. */
    private static void keepsTheApiDocument(PublicPages client, String method, String path, HttpResponse<String> answer)
            throws Exception {
        OpenApiContract contract = OpenApiContract.ofJson("the API document",
                client.send(client.request("/v3/api-docs")).body());
        contract.assertAnswer(method, path, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> playerTickets(PublicPages server, String key) throws Exception {
        return server.send(server.request("/api/v1/players/p1/tickets").header("Authorization", "Bearer " + key));
    }

    private static HttpResponse<String> submitTicket(PublicPages player, GameInfo game, String language)
            throws Exception {
        String home = "/help/" + game.code();
        return player.submit(home, home + "/tickets", Map.of("type", "bug", "subject", "卡在地图边缘",
                "description", "更新后角色卡住了", "accountId", "acc-1", "email", "p@example.com"), language);
    }

    private static HttpResponse<String> signIn(PublicPages browser, String username, String password)
            throws Exception {
        return browser.submit("/login", "/login", Map.of("username", username, "password", password), "zh-CN");
    }

    private int tickets(GameInfo game) {
        return jdbc.queryForObject("select count(*) from ticket where game_id = ?", Integer.class, game.id());
    }

    /** A documentation address (RFC 5737) no other test speaks from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51.100." + n;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}

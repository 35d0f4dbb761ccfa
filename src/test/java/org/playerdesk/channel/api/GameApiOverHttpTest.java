package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The body limit on a real server, where a chunked body declares no length: it is counted while
 * read and refused as soon as it passes the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class GameApiOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void chunkedBodyOverTheLimitIsRefusedAndOneWithinIsTaken() throws Exception {
        GameInfo game = workspace.game();
        String key = workspace.apiKey(game);
        String huge = GameApiCalls.ticketJson("p1", "bug").replace("充值未到账", "x".repeat(300 * 1024));

        HttpResponse<String> refused = post(key, huge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> taken = post(key, GameApiCalls.ticketJson("p1", "bug"));
        assertThat(taken.statusCode()).isEqualTo(201);
        assertThat(taken.body()).contains("\"accountId\":\"p1\"");
    }

    /** Posts the body from a stream, which the client sends chunked, without a Content-Length. */
    private HttpResponse<String> post(String key, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

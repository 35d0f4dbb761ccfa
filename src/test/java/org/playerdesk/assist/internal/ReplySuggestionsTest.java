package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The optional reply-suggestion client against a local stand-in for an OpenAI-compatible server. */
class ReplySuggestionsTest {

    HttpServer server;
    final AtomicReference<String> received = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void offWithoutAUrlSoNothingLeavesPlayerDesk() {
        assertThat(client("").draft("我的号被盗了")).isEmpty();
        assertThat(client("").enabled()).isFalse();
    }

    @Test
    void sendsThePlayersTextAndReadsTheDraft() throws IOException {
        String url = serve(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\" 您好，请提供订单号。 \"}}]}");

        assertThat(client(url).draft("充值没到账")).contains("您好，请提供订单号。");
        assertThat(received.get()).contains("\"model\":\"test-model\"", "充值没到账");
        assertThat(authorization.get()).isEqualTo("Bearer k-1");
    }

    @Test
    void aFailingOrOddEndpointGivesNoSuggestion() throws IOException {
        assertThat(client(serve(500, "oops")).draft("hi")).isEmpty();
        stop();
        assertThat(client(serve(200, "{\"choices\":[]}")).draft("hi")).isEmpty();
        stop();
        assertThat(client(serve(200, "not json")).draft("hi")).isEmpty();
        stop();
        server = null;
        assertThat(client("http://127.0.0.1:9").draft("hi")).isEmpty();
    }

    private ReplySuggestions client(String url) {
        return new ReplySuggestions(new AssistProperties(0.75, 0.9, Duration.ofHours(1),
                new AssistProperties.ReplySuggestions(url, "k-1", "test-model", Duration.ofSeconds(2)), true));
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }
}

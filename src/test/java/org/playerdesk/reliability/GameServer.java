package org.playerdesk.reliability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

/**
 * The calls a game server makes to a node, over HTTP. A request that gets no answer within
 * {@link #ANSWER_TIMEOUT} fails with an {@link java.net.http.HttpTimeoutException}: the node must
 * answer, if only to say it cannot serve the request now.
 */
final class GameServer {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private final PlayerDeskNode node;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    GameServer(PlayerDeskNode node) {
        this.node = node;
    }

    /** The answer to a report: status, headers that matter here, and the ticket when one was opened. */
    record Answer(int status, String body, Optional<String> contentType, Optional<String> retryAfter,
            Optional<String> replayed) {

        String ticketId() {
            return JsonPath.read(body, "$.id");
        }

        boolean created() {
            return status == 201;
        }

        @Override
        public String toString() {
            return status + " " + contentType.orElse("") + " Retry-After=" + retryAfter.orElse("-") + " " + body;
        }
    }

    Answer open(TicketReport report) throws IOException, InterruptedException {
        HttpRequest request = request("/api/v1/tickets").header("Content-Type", "application/json")
                .header("Idempotency-Key", report.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(report.json())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type"),
                response.headers().firstValue("Retry-After"), response.headers().firstValue("Idempotent-Replayed"));
    }

    /** Sends the report until it is answered: after a lost connection the same request, with the same key. */
    Answer openUntilAnswered(TicketReport report) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return open(report);
            } catch (IOException lost) {
                if (attempt == 3) {
                    throw lost;
                }
            }
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call with a key the node has not seen yet, so that checking it needs the database. */
    HttpResponse<String> getWithNewKey(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(node.uri(path)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer not-seen-" + System.nanoTime()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page as a browser asks for it. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(node.uri(path)).timeout(ANSWER_TIMEOUT).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ticket as the API shows it, or the status when it is not found. */
    HttpResponse<String> ticket(String id) throws IOException, InterruptedException {
        return get("/api/v1/tickets/" + id);
    }

    /** Ids of the player's tickets. */
    List<String> playerTickets(String accountId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/players/" + accountId + "/tickets?size=100");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("player's tickets: " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.items[*].id");
    }

    /** Whether the node has started and its game and API key exist. */
    boolean ready() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/reliability/games/" + node.game() + "/ready"))
                .timeout(ANSWER_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().equals("true");
    }

    StoredState stored() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/reliability/games/" + node.game()))
                .timeout(ANSWER_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("report: " + response.statusCode() + " " + response.body());
        }
        Map<String, Number> report = JsonPath.read(response.body(), "$");
        return StoredState.of(report);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(node.uri(path)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + node.apiKey());
    }
}

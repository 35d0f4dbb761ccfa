package org.playerdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Game servers calling the game API through the balancer: new tickets, each with an
 * Idempotency-Key, and players' follow-ups on them. A report that gets no clear answer (the
 * connection lost, a 502 from the balancer, 503, 409, 429) is sent again with the same key after
 * a pause, as docs/reliability.md asks of game servers. A follow-up has no key, so it is sent again
 * only when the answer says nothing was stored (409, 429, 503).
 */
final class GameServers {

    static final String OPEN = "api: open ticket";
    static final String FOLLOW_UP = "api: follow-up";
    private static final int ATTEMPTS = 6;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String run;
    private final String marks;
    private final String apiKey;
    private final Traffic traffic;
    private final Acknowledged acknowledged;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong followUps = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong retried = new AtomicLong();

    /** {@code marks} tells this one's tickets from others' ({@code t}: {@code [soak-t12]}). */
    GameServers(String run, String marks, String apiKey, Traffic traffic, Acknowledged acknowledged) {
        this.run = run;
        this.marks = marks;
        this.apiKey = apiKey;
        this.traffic = traffic;
        this.acknowledged = acknowledged;
    }

    /** One report through {@code base}; answers the ticket's id, or null when it was never acknowledged. */
    UUID openTicket(String base, boolean workOnIt) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long n = tickets.incrementAndGet();
        String marker = "[soak-" + marks + n + "]";
        String key = "soak-" + run + "-" + marks + n;
        boolean chinese = random.nextInt(10) < 6;
        String type = Samples.any(Texts.TYPES);
        Texts.Topic topic = Texts.TOPICS.get(type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("player", Map.of("accountId", "soak-p" + (n % 400), "nickname", Samples.any(Texts.NICKNAMES),
                "server", "S" + (1 + random.nextInt(40)), "role", Samples.any(Texts.ROLES)));
        body.put("type", type);
        body.put("subject", marker + " " + Samples.any(chinese ? topic.subjectsZh() : topic.subjectsEn()));
        body.put("message", Samples.any(chinese ? topic.bodiesZh() : topic.bodiesEn()));
        body.put("priority", List.of("low", "normal", "normal", "normal", "high").get(random.nextInt(5)));
        body.put("metadata", Map.of("device", Samples.any(Texts.DEVICES), "zone", Samples.any(Texts.ZONES)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Arguments.JSON.writeValueAsString(body)))
                .build();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = traffic.send(OPEN, http, request, 201);
                JsonNode ticket = Arguments.JSON.readTree(answer.body());
                UUID id = UUID.fromString(ticket.path("id").asText());
                if (answer.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
                    replayed.incrementAndGet();
                }
                acknowledged.ticket(new Acknowledged.Ticket("api", marker, id, key, null, type), workOnIt);
                return id;
            } catch (Refused refused) {
                if (!List.of(409, 429, 502, 503, 504).contains(refused.status())) {
                    break; // refused for good: the checks list it
                }
            } catch (IOException noAnswer) {
                // sent again with the same key
            }
            retried.incrementAndGet();
            TimeUnit.SECONDS.sleep(Math.min(8, 1L << (attempt - 1)));
        }
        acknowledged.unanswered.add(new Acknowledged.Unanswered("api ticket", marker));
        return null;
    }

    /** A player writes again on one of the tickets of the load; some of them chase an answer. */
    void followUp(String base) throws Exception {
        UUID ticket = acknowledged.anyWorkable();
        if (ticket == null) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String marker = "[soak-m" + followUps.incrementAndGet() + "]";
        String text = random.nextInt(4) == 0 ? "怎么还没处理？已经等了很久了。" : Samples.any(
                random.nextBoolean() ? Texts.PLAYER_FOLLOW_UPS_ZH : Texts.PLAYER_FOLLOW_UPS_EN);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/" + ticket + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Arguments.JSON.writeValueAsString(Map.of("message", text + " " + marker))))
                .build();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                traffic.send(FOLLOW_UP, http, request, 201);
                acknowledged.messages.add(new Acknowledged.Message("api follow-up", marker, ticket));
                return;
            } catch (Refused refused) {
                if (!List.of(409, 429, 503).contains(refused.status())) {
                    break;
                }
            } catch (IOException noAnswer) {
                break;
            }
            retried.incrementAndGet();
            TimeUnit.SECONDS.sleep(Math.min(8, 1L << (attempt - 1)));
        }
        acknowledged.unanswered.add(new Acknowledged.Unanswered("api follow-up", marker));
    }
}

package org.playerdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jayway.jsonpath.JsonPath;

/**
 * PostgreSQL stopped and started again under load, on a private server: while it is down every
 * request is answered promptly with 503, Retry-After and problem details (the help center with
 * its error page, health with DOWN), never 500 and never left hanging; afterwards the same node serves again
 * without a restart, and nothing is half-written: every ticket answered 201 is whole, and every
 * report refused with 503 can be sent again with its Idempotency-Key, making exactly one ticket.
 * The events whose listeners failed during the outage are retried by the running node.
 */
@Tag("database-independent") // a private PostgreSQL server, whatever the suite runs on
class DatabaseOutageIT {

    static final int CLIENTS = 4;
    static final int ANSWERED_BEFORE = 30;
    static final int ANSWERED_AFTER = 30;

    /** Failed events are retried within seconds here, not within minutes as by default. */
    static final Map<String, String> QUICK_EVENT_RETRY = Map.of(
            "SPRING_MODULITH_EVENTS_STALENESS_PUBLISHED", "3s",
            "SPRING_MODULITH_EVENTS_STALENESS_PROCESSING", "3s",
            "SPRING_MODULITH_EVENTS_STALENESS_RESUBMITTED", "3s",
            "SPRING_MODULITH_EVENTS_STALENESS_CHECKINTERVAL", "1s",
            "PLAYERDESK_EVENTS_RETRYINTERVAL", "2s");

    @TempDir
    Path home;

    @Test
    void whileTheDatabaseIsDownRequestsAreRefused503AndAfterwardsServedWithNothingHalfWritten() throws Exception {
        Assumptions.assumeTrue(PrivatePostgres.unavailable().isEmpty(),
                () -> "skipped: needs a private PostgreSQL server: " + PrivatePostgres.unavailable().orElseThrow());
        try (PrivatePostgres postgres = PrivatePostgres.start();
                PlayerDeskNode node = PlayerDeskNode.start(home, postgres.database(), QUICK_EVENT_RETRY)) {
            GameServer server = new GameServer(node);
            Queue<TicketReport> unsent = new ConcurrentLinkedQueue<>(TicketReport.many("outage", 100_000));
            Map<TicketReport, String> ticketOf = new ConcurrentHashMap<>();
            Queue<TicketReport> refused = new ConcurrentLinkedQueue<>();
            List<String> wrong = new CopyOnWriteArrayList<>();
            AtomicBoolean databaseDown = new AtomicBoolean();
            AtomicInteger refusedWhileDown = new AtomicInteger();
            AtomicInteger answeredSinceBack = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();

            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        while (!stop.get()) {
                            TicketReport report = unsent.poll();
                            boolean sentWhileDown = databaseDown.get();
                            GameServer.Answer answer;
                            try {
                                answer = server.open(report);
                            } catch (IOException noAnswer) {
                                // a timeout included: the node must answer, not keep the caller waiting
                                wrong.add(report.subject() + ": no answer: " + noAnswer);
                                refused.add(report);
                                continue;
                            }
                            if (answer.created()) {
                                ticketOf.put(report, answer.ticketId());
                                if (!databaseDown.get()) {
                                    answeredSinceBack.incrementAndGet();
                                }
                            } else if (isServiceUnavailable(answer)) {
                                refused.add(report);
                                if (sentWhileDown && databaseDown.get()) {
                                    refusedWhileDown.incrementAndGet();
                                }
                            } else {
                                wrong.add(report.subject() + ": " + answer);
                            }
                        }
                        return null;
                    });
                }
                HttpResponse<String> helpCenter;
                HttpResponse<String> health;
                HttpResponse<String> keyCheck;
                try {
                    await("reports answered before the outage").atMost(Duration.ofMinutes(2))
                            .until(() -> ticketOf.size() >= ANSWERED_BEFORE || !wrong.isEmpty());

                    postgres.stop();
                    databaseDown.set(true);
                    await("reports refused while the database is down").atMost(Duration.ofMinutes(2))
                            .until(() -> refusedWhileDown.get() >= CLIENTS || !wrong.isEmpty());
                    helpCenter = server.page("/help/" + node.game());
                    health = server.get("/actuator/health");
                    keyCheck = server.getWithNewKey("/api/v1/players/p1/tickets");

                    answeredSinceBack.set(0);
                    postgres.startAgain();
                    databaseDown.set(false);
                    await("reports answered again, by the same node").atMost(Duration.ofMinutes(2))
                            .until(() -> answeredSinceBack.get() >= ANSWERED_AFTER || !wrong.isEmpty());
                } finally {
                    stop.set(true);
                }

                assertThat(helpCenter.statusCode()).as("the help center while the database is down").isEqualTo(503);
                assertThat(helpCenter.headers().firstValue("Retry-After")).isPresent();
                assertThat(helpCenter.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html"));
                assertThat(keyCheck.statusCode()).as("an API key checked while the database is down").isEqualTo(503);
                assertThat(keyCheck.headers().firstValue("Retry-After")).isPresent();
                assertThat(keyCheck.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat((Integer) JsonPath.read(keyCheck.body(), "$.status")).isEqualTo(503);
                assertThat(health.statusCode()).as("health while the database is down").isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
            }
            assertThat(wrong).as("answers other than 201 or 503 with Retry-After and problem details").isEmpty();

            // Each refused report, sent again with its key, makes exactly one ticket.
            for (TicketReport report : new HashSet<>(refused)) {
                GameServer.Answer again = server.openUntilAnswered(report);
                assertThat(again.status()).as("%s sent again: %s", report.subject(), again).isEqualTo(201);
                String earlier = ticketOf.putIfAbsent(report, again.ticketId());
                assertThat(earlier == null || earlier.equals(again.ticketId())).isTrue();
            }
            for (Map.Entry<TicketReport, String> answered : ticketOf.entrySet()) {
                HttpResponse<String> ticket = server.ticket(answered.getValue());
                assertThat(ticket.statusCode()).isEqualTo(200);
                assertThat((String) JsonPath.read(ticket.body(), "$.messages[0].body"))
                        .isEqualTo(answered.getKey().message());
            }
            assertThat(new HashSet<>(ticketOf.values())).hasSameSizeAs(ticketOf.keySet());

            // Events the outage made fail are retried by the running node: every ticket is counted once.
            await("every publication completed and every ticket counted").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(node::stored, s -> s.incompletePublications() == 0 && s.countedCreated() == ticketOf.size());
            StoredState stored = node.stored();
            assertThat(stored.tickets()).as("one ticket per report answered 201").isEqualTo(ticketOf.size());
            assertThat(stored.duplicateSubjects()).isZero();
            assertThat(stored.idempotencyKeys()).isEqualTo(ticketOf.size());
            assertThat(stored.everyTicketComplete()).as("every ticket has its player, message and history: %s", stored)
                    .isTrue();
            System.out.printf("outage test: %d tickets, %d reports refused with 503 and sent again; %s%n",
                    ticketOf.size(), new HashSet<>(refused).size(), stored);
        }
    }

    private static boolean isServiceUnavailable(GameServer.Answer answer) {
        return answer.status() == 503 && answer.retryAfter().isPresent()
                && answer.contentType().orElse("").startsWith("application/problem+json")
                && Integer.valueOf(503).equals(JsonPath.read(answer.body(), "$.status"));
    }
}

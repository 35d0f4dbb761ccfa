package org.playerdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jayway.jsonpath.JsonPath;

/**
 * A node killed with SIGKILL in the middle of a stream of ticket reports, then started again on
 * the same data: every ticket it answered 201 is there exactly once, a report that got no answer
 * can be sent again with its Idempotency-Key without making a second ticket, and every event of
 * every ticket reaches its listener after the restart.
 *
 * <p>Runs on the embedded H2 file database, or on PostgreSQL when PLAYERDESK_DB_URL is set. The
 * reduced form sends {@value #DEFAULT_TICKETS} reports; {@code -Dplayerdesk.crash.tickets=5000}
 * (and {@code -Dplayerdesk.crash.clients}) runs a longer one.
 */
class CrashRecoveryIT {

    static final int DEFAULT_TICKETS = 240;
    static final int TICKETS = Integer.getInteger("playerdesk.crash.tickets", DEFAULT_TICKETS);
    static final int CLIENTS = Integer.getInteger("playerdesk.crash.clients", 6);

    @TempDir
    Path home;

    @Test
    void killedNodeKeepsEveryAnsweredTicketOnceAndDeliversEveryEventAfterRestart() throws Exception {
        Database database = Database.ofSuite(); // null: PlayerDesk's default, the embedded H2 file database
        List<TicketReport> reports = TicketReport.many("crash", TICKETS);
        Map<TicketReport, String> ticketOf = new ConcurrentHashMap<>();
        Set<TicketReport> unanswered = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new CopyOnWriteArrayList<>();

        try (PlayerDeskNode node = PlayerDeskNode.start(home, database)) {
            // Game servers report as fast as the node takes them; the node dies under them.
            Queue<TicketReport> unsent = new ConcurrentLinkedQueue<>(reports);
            GameServer before = new GameServer(node);
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        for (TicketReport report; (report = unsent.poll()) != null;) {
                            try {
                                record(before.open(report), report, ticketOf, unexpected);
                            } catch (IOException noAnswer) {
                                unanswered.add(report);
                                return null;
                            }
                        }
                        return null;
                    });
                }
                await("a third of the reports answered").atMost(Duration.ofMinutes(5))
                        .until(() -> ticketOf.size() >= TICKETS / 3 || !unexpected.isEmpty() || !unanswered.isEmpty());
                node.kill();
            }
            assertThat(unexpected).as("answers other than 201 before the crash").isEmpty();
            assertThat(unanswered).as("reports in flight when the node was killed").isNotEmpty();

            node.start();

            // The unanswered reports again, with their keys, then the ones never sent.
            GameServer after = new GameServer(node);
            List<TicketReport> rest = new ArrayList<>(unanswered);
            rest.addAll(unsent);
            AtomicInteger replayed = new AtomicInteger();
            Set<TicketReport> retried = Set.copyOf(unanswered);
            inParallel(rest, report -> {
                GameServer.Answer answer = after.openUntilAnswered(report);
                if (retried.contains(report) && answer.replayed().orElse("").equals("true")) {
                    replayed.incrementAndGet();
                }
                record(answer, report, ticketOf, unexpected);
            });
            assertThat(unexpected).as("answers other than 201 after the restart").isEmpty();
            System.out.printf("crash test: %d reports, %d unanswered at the kill, of which %d had been stored%n",
                    TICKETS, retried.size(), replayed.get());

            // Every report made exactly one ticket, and each is found by id, by its player and by its key.
            assertThat(ticketOf).hasSize(TICKETS);
            assertThat(new HashSet<>(ticketOf.values())).as("distinct tickets").hasSize(TICKETS);
            List<String> wrong = new CopyOnWriteArrayList<>();
            inParallel(reports, report -> {
                String id = ticketOf.get(report);
                HttpResponse<String> ticket = after.ticket(id);
                if (ticket.statusCode() != 200
                        || !report.subject().equals(JsonPath.read(ticket.body(), "$.subject"))
                        || !report.message().equals(JsonPath.read(ticket.body(), "$.messages[0].body"))) {
                    wrong.add(report.subject() + ": " + ticket.statusCode() + " " + ticket.body());
                }
                List<String> players = after.playerTickets(report.accountId());
                if (!players.equals(List.of(id))) {
                    wrong.add(report.subject() + ": the player has tickets " + players + ", expected " + id);
                }
                GameServer.Answer again = after.open(report);
                if (!again.created() || !again.ticketId().equals(id) || !again.replayed().orElse("").equals("true")) {
                    wrong.add(report.subject() + ": sent again with its key: " + again);
                }
            });
            assertThat(wrong).as("tickets not found as answered").isEmpty();

            // Every event was delivered: the outbox drains and the daily counts match.
            await("every publication completed and every ticket counted").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(node::stored, s -> s.incompletePublications() == 0 && s.countedCreated() == TICKETS);
            StoredState stored = node.stored();
            assertThat(stored.tickets()).isEqualTo(TICKETS);
            assertThat(stored.duplicateSubjects()).isZero();
            assertThat(stored.idempotencyKeys()).isEqualTo(TICKETS);
            assertThat(stored.everyTicketComplete()).as("every ticket has its player, message and history: %s", stored)
                    .isTrue();
        }
    }

    private static void record(GameServer.Answer answer, TicketReport report, Map<TicketReport, String> ticketOf,
            List<String> unexpected) {
        if (answer.created()) {
            String earlier = ticketOf.putIfAbsent(report, answer.ticketId());
            if (earlier != null && !earlier.equals(answer.ticketId())) {
                unexpected.add(report.subject() + ": a second ticket " + answer.ticketId() + " besides " + earlier);
            }
        } else {
            unexpected.add(report.subject() + ": " + answer);
        }
    }

    interface Call {
        void run(TicketReport report) throws Exception;
    }

    static void inParallel(Collection<TicketReport> reports, Call call) throws Exception {
        Queue<TicketReport> queue = new ConcurrentLinkedQueue<>(reports);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    for (TicketReport report; (report = queue.poll()) != null;) {
                        try {
                            call.run(report);
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }
                });
            }
        }
        assertThat(failures).as("calls that failed").isEmpty();
    }
}

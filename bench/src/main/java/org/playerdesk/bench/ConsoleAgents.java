package org.playerdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Agents working in the console through the balancer, each signed in through the real form and
 * kept on one node by the balancer's cookie (console sessions live in the node that made them).
 * Each in turn looks at the inbox now and then, opens a ticket of the load, replies, and reads the
 * page the reply leads back to: the reply is acknowledged when the agent sees it there. When the
 * node holding the session dies, the next page sends the agent to sign in, and they do, through
 * the balancer, on the node that is left; a reply whose answer was lost is looked for on the
 * ticket first and sent again only when it is not there.
 */
final class ConsoleAgents {

    static final String SIGN_IN = "console: sign in";
    static final String INBOX = "console: inbox";
    static final String PAGE = "console: ticket page";
    static final String REPLY = "console: reply";
    static final String COOKIE = "PDNODE";
    private static final int ATTEMPTS = 5;

    /** An agent's session was gone at {@code lost} and they were signed in again at {@code again}. */
    record SignedInAgain(String agent, Instant lost, Instant again) {
    }

    private final String base;
    private final String password;
    private final Traffic traffic;
    private final Acknowledged acknowledged;
    private final AtomicLong replies = new AtomicLong();
    final Queue<SignedInAgain> signedInAgain = new ConcurrentLinkedQueue<>();

    ConsoleAgents(String base, String password, Traffic traffic, Acknowledged acknowledged) {
        this.base = base;
        this.password = password;
        this.traffic = traffic;
        this.acknowledged = acknowledged;
    }

    /**
     * Signs in through the balancer, starting on {@code node}; answers the session. A sign-in that
     * fails is tried again after a pause, as a person would, until {@code endNanos}.
     */
    ConsoleSession signIn(HttpClient http, String username, String node, long endNanos) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return traffic.measure(SIGN_IN, () -> "",
                        () -> ConsoleSession.signIn(http, base, username, password, Map.of(COOKIE, node)));
            } catch (Exception notYet) {
                if (System.nanoTime() > endNanos) {
                    throw notYet;
                }
                TimeUnit.MILLISECONDS.sleep(Math.min(5_000, 250L << Math.min(attempt, 5)));
            }
        }
    }

    /**
     * Signs in again after the session was lost, through the balancer, which sends the browser's
     * cookie on to a node that is up; tries until it works or the run is over.
     */
    ConsoleSession signInAgain(HttpClient http, String username, ConsoleSession lost, long endNanos)
            throws Exception {
        Instant at = Instant.now();
        String node = lost.cookie(COOKIE);
        for (int attempt = 1;; attempt++) {
            try {
                ConsoleSession session = traffic.measure(SIGN_IN, () -> "",
                        () -> ConsoleSession.signIn(http, base, username, password,
                                node == null ? Map.of() : Map.of(COOKIE, node)));
                signedInAgain.add(new SignedInAgain(username, at, Instant.now()));
                return session;
            } catch (Exception notYet) {
                if (System.nanoTime() > endNanos) {
                    throw notYet;
                }
                TimeUnit.MILLISECONDS.sleep(Math.min(5_000, 250L << Math.min(attempt, 5)));
            }
        }
    }

    /** One agent's working loop: a reply every {@code every} (with some jitter) until {@code endNanos}. */
    void work(String username, String node, Duration every, long endNanos) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        ConsoleSession console = signIn(http, username, node, endNanos);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Reply pending = null;
        for (int round = 0; System.nanoTime() < endNanos; round++) {
            TimeUnit.MILLISECONDS.sleep(every.toMillis() / 2 + random.nextLong(every.toMillis()));
            if (System.nanoTime() > endNanos && pending == null) {
                break;
            }
            try {
                if (pending != null) {
                    pending = settle(console, pending);
                    continue;
                }
                if (round % 3 == 0) {
                    ConsoleSession session = console;
                    traffic.measure(INBOX, session::servedBy, () -> session.page("/console/tickets"));
                }
                UUID ticket = acknowledged.anyWorkable();
                if (ticket == null) {
                    continue;
                }
                ConsoleSession session = console;
                traffic.measure(PAGE, session::servedBy, () -> session.page("/console/tickets/" + ticket));
                String marker = "[soak-r" + replies.incrementAndGet() + "]";
                pending = new Reply(ticket, marker, Samples.any(random.nextBoolean() ? Texts.AGENT_REPLIES_ZH
                        : Texts.AGENT_REPLIES_EN) + " " + marker, random.nextBoolean() ? "pending_player" : "");
                pending = send(console, pending);
            } catch (ConsoleSession.SignedOut gone) {
                console = signInAgain(http, username, console, endNanos);
            } catch (IOException | RuntimeException failed) {
                // recorded by the traffic; a reply in flight is looked for on its ticket next time
                pending = pending == null ? null : giveUpAfter(pending.again());
            }
        }
        if (pending != null) {
            acknowledged.unanswered.add(new Acknowledged.Unanswered("console reply", pending.marker()));
        }
    }

    private record Reply(UUID ticket, String marker, String body, String then, int attempts) {
        Reply(UUID ticket, String marker, String body, String then) {
            this(ticket, marker, body, then, 0);
        }

        Reply again() {
            return new Reply(ticket, marker, body, then, attempts + 1);
        }
    }

    /** Sends the reply and reads the page it leads back to; answers null once the reply is on it. */
    private Reply send(ConsoleSession console, Reply reply) throws Exception {
        Reply sent = reply.again();
        traffic.measure(REPLY, console::servedBy, () -> console.submit("/console/tickets/" + reply.ticket() + "/reply",
                Map.of("body", reply.body(), "then", reply.then())));
        String page = traffic.measure(PAGE, console::servedBy, () -> console.page("/console/tickets/" + reply.ticket()));
        if (page.contains(reply.marker())) {
            acknowledged.messages.add(new Acknowledged.Message("console reply", reply.marker(), reply.ticket()));
            return null;
        }
        return giveUpAfter(sent);
    }

    /** A reply whose answer was lost: on the ticket already, or sent again. */
    private Reply settle(ConsoleSession console, Reply reply) throws Exception {
        String page = traffic.measure(PAGE, console::servedBy, () -> console.page("/console/tickets/" + reply.ticket()));
        if (page.contains(reply.marker())) {
            acknowledged.messages.add(new Acknowledged.Message("console reply", reply.marker(), reply.ticket()));
            return null;
        }
        return giveUpAfter(reply) == null ? null : send(console, reply);
    }

    private Reply giveUpAfter(Reply reply) {
        if (reply.attempts() >= ATTEMPTS) {
            acknowledged.unanswered.add(new Acknowledged.Unanswered("console reply", reply.marker()));
            return null;
        }
        return reply;
    }

    static List<String> usernames(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "%s%02d".formatted(prefix, i)).toList();
    }
}

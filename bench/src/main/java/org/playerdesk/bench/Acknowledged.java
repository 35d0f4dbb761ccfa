package org.playerdesk.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the soak's clients were told was stored, and what they sent without ever hearing back:
 * the record the checks afterwards hold the database and both nodes to. Every ticket, message and
 * chat line carries a marker of its own ({@code [soak-t12]}, {@code [soak-r7]}…) so that it can be
 * counted wherever it ends up.
 */
final class Acknowledged {

    /** A ticket a game server reported (201) or a player submitted in the help center (302 to its private link). */
    record Ticket(String via, String marker, UUID id, String key, String token, String type) {
    }

    /** A file sent with a help-center ticket, as the player's side knows it. */
    record Attachment(String ticketMarker, String token, String fileName, String sha256, long size) {
    }

    /** A reply an agent saw on the ticket's page, or a follow-up the game API answered 201. */
    record Message(String via, String marker, UUID ticket) {
    }

    /** Something sent without a clear answer (the connection was lost, the node died): stored or not, nobody knows. */
    record Unanswered(String what, String marker) {
    }

    /** One line of a live chat, from one side, as that side's client tracks it. */
    static final class Line {
        final String clientId;
        final String side;
        final String marker;
        final String body;
        final Instant firstSent = Instant.now();
        final long sentNanos = System.nanoTime();
        volatile int sends = 1;
        /** The sequence number the chat gave it, once the sender saw it stored (its echo, or a catch-up). */
        volatile long seq;
        /** It reached the other side over its live connection. */
        volatile boolean live;
        /** It reached the other side when that side caught up after reconnecting. */
        volatile boolean caughtUp;

        Line(String clientId, String side, String marker, String body) {
            this.clientId = clientId;
            this.side = side;
            this.marker = marker;
            this.body = body;
        }

        boolean delivered() {
            return live || caughtUp;
        }
    }

    /** One live chat: its lines by client id, and on which nodes its two sides were when it started. */
    static final class Chat {
        final UUID id;
        final String token;
        final int pair;
        final Map<String, Line> lines = new ConcurrentHashMap<>();
        volatile String playerNode = "";
        volatile String agentNode = "";
        volatile long playerSeq;
        volatile long agentSeq;
        volatile boolean ended;

        Chat(UUID id, String token, int pair) {
            this.id = id;
            this.token = token;
            this.pair = pair;
        }
    }

    final Queue<Ticket> tickets = new ConcurrentLinkedQueue<>();
    final Queue<Attachment> attachments = new ConcurrentLinkedQueue<>();
    final Queue<Message> messages = new ConcurrentLinkedQueue<>();
    final Queue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
    final Queue<Chat> chats = new ConcurrentLinkedQueue<>();
    /** Tickets the agents and the players' follow-ups work on: reported through the game API during the load. */
    private final List<UUID> workable = new ArrayList<>();

    void ticket(Ticket ticket, boolean workOnIt) {
        tickets.add(ticket);
        if (workOnIt) {
            synchronized (workable) {
                workable.add(ticket.id());
            }
        }
    }

    /** A random ticket to work on, more often a recent one; null before there is any. */
    UUID anyWorkable() {
        synchronized (workable) {
            if (workable.isEmpty()) {
                return null;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int size = workable.size();
            int index = random.nextBoolean() ? size - 1 - random.nextInt(Math.min(size, 200)) : random.nextInt(size);
            return workable.get(index);
        }
    }

    List<Ticket> tickets(String via) {
        return tickets.stream().filter(t -> t.via().equals(via)).toList();
    }
}

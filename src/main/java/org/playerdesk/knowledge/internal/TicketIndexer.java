package org.playerdesk.knowledge.internal;

import org.playerdesk.system.events.OutboxListener;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketErased;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the ticket search documents up to date from the ticket events (after commit, through the
 * event publication registry like every listener). The work's only transaction is the one
 * {@link ConflictRetry} opens: a listener holding a second connection while it waits would
 * starve the pool under a burst.
 * <p>
 * A new ticket publishes {@code TicketCreated} and {@code TicketMessagePosted} in one commit, so
 * two workers would build its first document at once, and the second insert would fail on the
 * primary key (retried, but logged by the driver as a duplicate-key error on PostgreSQL). Work on
 * one ticket is therefore serialised on this node by a lock striped over the ticket id; between
 * nodes, the retry still settles it.
 */
@Component
public class TicketIndexer {

    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final TicketDocumentRepository documents;
    private final Clock clock;
    private final ConflictRetry retry;
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    TicketIndexer(TicketQueries tickets, PlayerDirectory players, TicketDocumentRepository documents, Clock clock,
            ConflictRetry retry) {
        this.retry = retry;
        this.tickets = tickets;
        this.players = players;
        this.documents = documents;
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @OutboxListener(transactional = false)
    void on(TicketCreated created) {
        rebuild(created.ticketId());
    }

    @OutboxListener(transactional = false)
    void on(TicketMessagePosted posted) {
        rebuild(posted.ticketId());
    }

    /** An anonymised ticket's document is rebuilt from what is left: its old subject and the player's words go. */
    @Async
    @TransactionalEventListener
    void on(TicketErased erased) {
        rebuild(erased.ticketId());
    }

    /** Rebuilds one ticket's document in a transaction of its own, one worker per ticket at a time on this node. */
    public void rebuild(UUID ticketId) {
        ReentrantLock lock = stripes[Math.floorMod(ticketId.hashCode(), stripes.length)];
        lock.lock();
        try {
            retry.run(() -> refresh(ticketId));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rebuilds one ticket's document from what the ticket module says now. Two events of one
     * ticket may be handled at once: the document's version makes the later writer start again.
     */
    @Transactional
    public void refresh(UUID ticketId) {
        TicketView ticket = tickets.head(ticketId);
        TicketDocument document = documents.findById(ticketId)
                .orElseGet(() -> new TicketDocument(ticketId, ticket.gameId()));
        String text = String.join("\n", tickets.messageBodies(ticketId));
        document.fill(ticket.number(), ticket.subject(), players.get(ticket.playerId()).nickname(), text,
                clock.instant());
        documents.save(document);
    }
}

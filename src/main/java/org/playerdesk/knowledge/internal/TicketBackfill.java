package org.playerdesk.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.playerdesk.ticket.TicketQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives every ticket created before the ticket index existed (or while its events were lost) its
 * search document. It walks the tickets in id order in batches, builds the document of each one
 * that has none, and writes after each batch where it got to ({@code kb_ticket_backfill}), so a
 * node that stops half-way resumes there. Tickets that already have a document are left alone,
 * so running it again is harmless: it runs at start-up until it has once reached the end, and an
 * administrator can start it again from the console.
 */
@Component
public class TicketBackfill {

    private static final Logger log = LoggerFactory.getLogger(TicketBackfill.class);

    /** Where a walk stands: the last ticket seen, how many documents it built, whether it has ended. */
    public record Progress(UUID after, long indexed, boolean running, boolean finished) {
    }

    private final TicketQueries tickets;
    private final TicketDocumentRepository documents;
    private final TicketIndexer indexer;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batch;
    private final boolean onStart;
    private final AtomicBoolean running = new AtomicBoolean();

    TicketBackfill(TicketQueries tickets, TicketDocumentRepository documents, TicketIndexer indexer, JdbcTemplate jdbc,
            Clock clock, @Value("${playerdesk.knowledge.backfill.batch:200}") int batch,
            @Value("${playerdesk.knowledge.backfill.on-start:true}") boolean onStart) {
        this.tickets = tickets;
        this.documents = documents;
        this.indexer = indexer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.batch = Math.clamp(batch, 1, 5000);
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeOnStart() {
        if (onStart && !progress().finished()) {
            Thread.ofVirtual().name("ticket-index-backfill").start(this::runSafely);
        }
    }

    /** Starts a walk from the first ticket in the background (an administrator's action); false when one is running. */
    public boolean restart() {
        if (running.get()) {
            return false;
        }
        jdbc.update("update kb_ticket_backfill set after_ticket_id = null, indexed = 0, started_at = ?, finished_at = null"
                + " where id = 1", Timestamp.from(clock.instant()));
        Thread.ofVirtual().name("ticket-index-backfill").start(this::runSafely);
        return true;
    }

    public Progress progress() {
        return jdbc.queryForObject("select after_ticket_id, indexed, finished_at from kb_ticket_backfill where id = 1",
                (rs, n) -> new Progress(rs.getObject(1, UUID.class), rs.getLong(2), running.get(),
                        rs.getTimestamp(3) != null));
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Ticket index backfill stopped; it resumes at the next start or from the console", e);
        }
    }

    /**
     * Walks from where the last walk stopped to the end, in this thread. Returns how many
     * documents this call built; 0 when another walk is running on this node.
     */
    public long run() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            Progress at = progress();
            UUID after = at.after();
            long built = 0;
            while (true) {
                List<UUID> ids = tickets.idsAfter(after, batch);
                if (ids.isEmpty()) {
                    break;
                }
                Set<UUID> present = new HashSet<>();
                documents.findAllById(ids).forEach(d -> present.add(d.ticketId()));
                for (UUID id : ids) {
                    if (!present.contains(id)) {
                        indexer.rebuild(id);
                        built++;
                    }
                }
                after = ids.getLast();
                jdbc.update("update kb_ticket_backfill set after_ticket_id = ?, indexed = indexed + ? where id = 1",
                        after, ids.size() - present.size());
            }
            jdbc.update("update kb_ticket_backfill set finished_at = ? where id = 1", Timestamp.from(clock.instant()));
            if (built > 0) {
                log.info("Ticket index backfill built {} search documents", built);
            }
            return built;
        } finally {
            running.set(false);
        }
    }
}

package org.playerdesk.insight.figures;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.ticket.TicketQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes every figure from the tickets' history: each ticket's facts are rewritten from the
 * ticket, then every day from the facts. Run by an administrator from the dashboard, and by
 * itself, in the background, when a node starts on tickets that have no facts yet (an
 * installation upgraded to a version with these figures).
 */
@Component
public class FigureRebuild {

    private static final Logger log = LoggerFactory.getLogger(FigureRebuild.class);
    static final int BATCH = 500;

    private final TicketQueries tickets;
    private final TicketFacts facts;
    private final FigureRollUp rollUp;
    private final JdbcTemplate jdbc;
    private final AtomicBoolean running = new AtomicBoolean();

    private final boolean onStart;

    FigureRebuild(TicketQueries tickets, TicketFacts facts, FigureRollUp rollUp, JdbcTemplate jdbc,
            @Value("${playerdesk.insight.rebuild-on-start:true}") boolean onStart) {
        this.onStart = onStart;
        this.tickets = tickets;
        this.facts = facts;
        this.rollUp = rollUp;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillIfEmpty() {
        if (!onStart) {
            return;
        }
        boolean noFacts = Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from insight_ticket)", Boolean.class));
        boolean someTickets = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from ticket)", Boolean.class));
        if (noFacts && someTickets) {
            start();
        }
    }

    /** Starts a rebuild in the background; false when one is already running on this node. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread.ofVirtual().name("insight-rebuild").start(() -> {
            try {
                DatabaseUnavailable.tolerate(log, "Insight figures not rebuilt", this::rebuild);
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    public boolean running() {
        return running.get();
    }

    /** Rewrites every ticket's facts, then every day; returns how many tickets. */
    public int rebuild() {
        log.info("Rebuilding the insight figures from the tickets");
        int done = 0;
        UUID after = null;
        while (true) {
            List<UUID> batch = tickets.idsAfter(after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (UUID ticket : batch) {
                facts.refresh(ticket);
            }
            done += batch.size();
            after = batch.get(batch.size() - 1);
        }
        int days = rollUp.rebuild();
        log.info("Insight figures rebuilt: {} tickets, {} days", done, days);
        return done;
    }
}

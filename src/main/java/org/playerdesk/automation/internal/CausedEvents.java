package org.playerdesk.automation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.playerdesk.system.Hashes;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketPriorityChanged;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.playerdesk.ticket.TicketEvents.TicketTypeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loop protection. While a rule acts, each ticket event its actions publish is written down, in
 * the same transaction, with its depth (one more than the event that ran the rule). When that
 * event comes back to the rules after commit, its depth is looked up: rules stop acting at
 * {@link AutomationSettings#maxDepth()}. The events are told apart by a key made of their content
 * ({@link #keyOf(Object)}), which is the same on every delivery of one event.
 */
@Component
public class CausedEvents {

    private static final ThreadLocal<Integer> DEPTH = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CausedEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key of an event: its kind and a hash of its content (ticket, values, time). */
    public static String keyOf(Object event) {
        return event.getClass().getSimpleName() + ":" + Hashes.sha256(event.toString());
    }

    /** Runs automation's work; the events it publishes are recorded at {@code depth}. */
    <T> T during(int depth, Supplier<T> work) {
        Integer before = DEPTH.get();
        DEPTH.set(depth);
        try {
            return work.get();
        } finally {
            if (before == null) {
                DEPTH.remove();
            } else {
                DEPTH.set(before);
            }
        }
    }

    /** How deep in automation the event is: 0 when a person, the player or another module caused it. */
    int depthOf(String eventKey) {
        List<Integer> depth = jdbc.queryForList("select depth from automation_caused_event where event_key = ?",
                Integer.class, eventKey);
        return depth.isEmpty() ? 0 : depth.getFirst();
    }

    int prune(Instant before) {
        return jdbc.update("delete from automation_caused_event where created_at < ?", Executions.time(before));
    }

    private void caused(Object event) {
        Integer depth = DEPTH.get();
        if (depth != null) {
            jdbc.update("insert into automation_caused_event (event_key, depth, created_at) values (?, ?, ?) "
                    + "on conflict do nothing", keyOf(event), depth, Executions.time(clock.instant()));
        }
    }

    @EventListener
    void on(TicketCreated event) {
        caused(event);
    }

    @EventListener
    void on(TicketStatusChanged event) {
        caused(event);
    }

    @EventListener
    void on(TicketAssigned event) {
        caused(event);
    }

    @EventListener
    void on(TicketPriorityChanged event) {
        caused(event);
    }

    @EventListener
    void on(TicketTypeChanged event) {
        caused(event);
    }

    @EventListener
    void on(TicketTagged event) {
        caused(event);
    }

    @EventListener
    void on(TicketMessagePosted event) {
        caused(event);
    }

    @EventListener
    void on(TicketEscalated event) {
        caused(event);
    }
}

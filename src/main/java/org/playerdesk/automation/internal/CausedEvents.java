package org.playerdesk.automation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.playerdesk.system.signing.Hashes;
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
 * {@link AutomationSettings#maxDepth()}. The rule that made a change is not run again on it (a
 * rule that tags a ticket when it is urgent would otherwise run again on its own tag). The events are told apart by a key made of their content
 * ({@link #keyOf(Object)}), which is the same on every delivery of one event.
 */
@Component
public class CausedEvents {

    private static final ThreadLocal<Cause> CURRENT = new ThreadLocal<>();

    /** How deep in automation an event is, and which rule (or time rule) made it; null for none. */
    record Cause(int depth, UUID rule) {

        static final Cause NONE = new Cause(0, null);
    }

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

    /** Runs a rule's work; the events it publishes are recorded at {@code depth}, as made by {@code rule}. */
    <T> T during(int depth, UUID rule, Supplier<T> work) {
        Cause before = CURRENT.get();
        CURRENT.set(new Cause(depth, rule));
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** What caused the event: depth 0 and no rule when a person, the player or another module did. */
    Cause causeOf(String eventKey) {
        List<Cause> cause = jdbc.query("select depth, caused_by from automation_caused_event where event_key = ?",
                (row, i) -> new Cause(row.getInt(1), row.getObject(2, UUID.class)), eventKey);
        return cause.isEmpty() ? Cause.NONE : cause.getFirst();
    }

    int prune(Instant before) {
        return jdbc.update("delete from automation_caused_event where created_at < ?", Executions.time(before));
    }

    private void caused(Object event) {
        Cause cause = CURRENT.get();
        if (cause != null) {
            jdbc.update("insert into automation_caused_event (event_key, depth, caused_by, created_at) "
                    + "values (?, ?, ?, ?) on conflict do nothing", keyOf(event), cause.depth(), cause.rule(),
                    Executions.time(clock.instant()));
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

package org.playerdesk.wellbeing.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What two of the stress signals count, from ticket events: the tickets each agent resolved and
 * those of them reopened afterwards (the reopen rate), and escalations by the agent (or, when the
 * system escalated at a breach, of the ticket the agent held). Each once by its key.
 */
@Component
class StressMarks {

    private final Marks marks;
    private final TicketQueries tickets;
    private final ConflictRetry retry;

    StressMarks(Marks marks, TicketQueries tickets, ConflictRetry retry) {
        this.marks = marks;
        this.tickets = tickets;
        this.retry = retry;
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged event) {
        boolean resolved = event.to() == TicketStatus.RESOLVED;
        boolean reopened = event.from() == TicketStatus.RESOLVED && event.to().isActive();
        if (!resolved && !reopened) {
            return;
        }
        // a reopened ticket counts against whoever resolved it last, whoever holds it now
        UUID resolver = resolver(event.ticketId(), event.at());
        if (resolver != null) {
            retry.run(() -> marks.mark(resolved ? Marks.RESOLVED : Marks.REOPENED, event.ticketId(), resolver,
                    event.at()));
        }
    }

    /**
     * The agent who last resolved the ticket up to {@code at}, from its history (read whole, so
     * that the order in which the events arrive does not matter); when PlayerDesk resolved it (a
     * rule), the agent holding it now.
     */
    private UUID resolver(UUID ticketId, Instant at) {
        TicketDetails details = tickets.details(ticketId, true);
        HistoryEntry last = null;
        for (HistoryEntry entry : details.history()) {
            if (!entry.at().isAfter(at) && "status".equals(entry.action())
                    && TicketStatus.RESOLVED.code().equals(entry.newValue())
                    && (last == null || !entry.at().isBefore(last.at()))) {
                last = entry;
            }
        }
        return last != null && last.actor().kind() == Actor.Kind.AGENT ? last.actor().id()
                : details.ticket().assigneeId();
    }

    @ApplicationModuleListener
    void on(TicketEscalated event) {
        UUID staffId = event.byId() != null ? event.byId() : event.assigneeId();
        if (staffId != null) {
            retry.run(() -> marks.mark(Marks.ESCALATED, event.ticketId(), staffId, event.at()));
        }
    }
}

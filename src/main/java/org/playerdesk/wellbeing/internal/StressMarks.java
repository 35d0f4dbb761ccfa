package org.playerdesk.wellbeing.internal;

import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What two of the stress signals count, from ticket events: tickets resolved and reopened while
 * an agent held them (the reopen rate), and escalations by the agent (or, when the system
 * escalated at a breach, of the ticket the agent held). Each once by its key.
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
        String kind = event.to() == TicketStatus.RESOLVED ? Marks.RESOLVED
                : event.from() == TicketStatus.RESOLVED && event.to().isActive() ? Marks.REOPENED : null;
        if (kind == null) {
            return;
        }
        TicketView ticket = tickets.head(event.ticketId());
        if (ticket.assigneeId() != null) {
            retry.run(() -> marks.mark(kind, event.ticketId(), ticket.assigneeId(), event.at()));
        }
    }

    @ApplicationModuleListener
    void on(TicketEscalated event) {
        var staffId = event.byId() != null ? event.byId() : event.assigneeId();
        if (staffId != null) {
            retry.run(() -> marks.mark(Marks.ESCALATED, event.ticketId(), staffId, event.at()));
        }
    }
}

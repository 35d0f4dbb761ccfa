package org.playerdesk.sla.internal;

import org.playerdesk.system.events.OutboxListener;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketPriorityChanged;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketEvents.TicketTypeChanged;
import org.playerdesk.ticket.Visibility;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Moves the clocks on the ticket's events, after their commit, through the event publication
 * registry (a failure is retried). Each change is idempotent: a repeated event finds the clock
 * already where it put it. Two events of one ticket at once conflict on the timer's version and
 * the later one runs again on the fresh state.
 */
@Component
class TicketClockListener {

    private final SlaClocks clocks;
    private final ConflictRetry retry;

    TicketClockListener(SlaClocks clocks, ConflictRetry retry) {
        this.clocks = clocks;
        this.retry = retry;
    }

    @OutboxListener(transactional = false)
    void on(TicketCreated created) {
        retry.run(() -> clocks.arrived(created.ticketId(), created.at()));
    }

    @OutboxListener(transactional = false)
    void on(TicketMessagePosted posted) {
        if (posted.visibility() == Visibility.PUBLIC && posted.by() != Actor.Kind.SYSTEM) {
            retry.run(() -> clocks.messagePosted(posted.ticketId(), posted.by() == Actor.Kind.PLAYER, posted.at()));
        }
    }

    @Async
    @TransactionalEventListener
    void on(TicketStatusChanged changed) {
        retry.run(() -> clocks.statusChanged(changed.ticketId(), changed.at()));
    }

    @Async
    @TransactionalEventListener
    void on(TicketPriorityChanged changed) {
        retry.run(() -> clocks.rematch(changed.ticketId(), changed.at()));
    }

    @Async
    @TransactionalEventListener
    void on(TicketTypeChanged changed) {
        retry.run(() -> clocks.rematch(changed.ticketId(), changed.at()));
    }
}

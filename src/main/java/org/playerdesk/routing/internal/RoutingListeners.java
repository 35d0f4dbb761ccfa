package org.playerdesk.routing.internal;

import org.playerdesk.system.DatabaseUnavailable;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When routing decides: a new ticket, a ticket someone gave up, a ticket moved to another level
 * (after commit, retried from the event publication registry; each decision is idempotent, a
 * ticket already taken is left alone), and every {@code playerdesk.routing.sweep-interval} for
 * tickets still waiting, so that an agent who comes online or on shift gets work.
 */
@Component
class RoutingListeners {

    private static final Logger log = LoggerFactory.getLogger(RoutingListeners.class);
    static final int SWEEP_PER_GAME = 50;

    private final Dispatcher dispatcher;

    RoutingListeners(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @ApplicationModuleListener
    void on(TicketCreated created) {
        dispatcher.assignNew(created.ticketId(), null);
    }

    @ApplicationModuleListener
    void on(TicketAssigned assigned) {
        if (assigned.to() == null && assigned.from() != null) {
            dispatcher.assignNew(assigned.ticketId(), assigned.from());
        }
    }

    @ApplicationModuleListener
    void on(TicketEscalated escalated) {
        dispatcher.reassign(escalated.ticketId());
    }

    @Scheduled(initialDelayString = "${playerdesk.routing.sweep-interval:30s}",
            fixedDelayString = "${playerdesk.routing.sweep-interval:30s}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Waiting tickets not offered again yet",
                () -> dispatcher.sweep(SWEEP_PER_GAME));
    }
}

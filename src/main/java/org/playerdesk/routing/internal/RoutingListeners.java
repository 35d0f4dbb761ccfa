package org.playerdesk.routing.internal;

import org.playerdesk.system.events.OutboxListener;
import java.util.Arrays;

import org.playerdesk.routing.AgentSkill;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When routing decides: a new ticket, a ticket someone gave up, a ticket moved to another level
 * (after commit, retried from the event publication registry; each decision is idempotent, a
 * ticket already taken is left alone), and every {@code playerdesk.routing.sweep-interval} for
 * tickets still waiting, so that an agent who comes online or on shift gets work.
 * <p>
 * Like {@code @ApplicationModuleListener} (asynchronous, after commit, recorded in the event
 * publication registry) but without a transaction around the listener: each decision runs in a
 * transaction of its own and may wait for a queue's or an agent's lock, and a second, idle
 * connection held meanwhile would drain the pool when many tickets arrive at once.
 */
@Component
class RoutingListeners {

    private static final Logger log = LoggerFactory.getLogger(RoutingListeners.class);
    static final int SWEEP_PER_GAME = 50;

    private final Dispatcher dispatcher;

    RoutingListeners(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @OutboxListener(transactional = false)
    void on(TicketCreated created) {
        dispatcher.assignNew(created.ticketId(), null);
    }

    @Async
    @TransactionalEventListener
    void on(TicketAssigned assigned) {
        if (assigned.to() == null && assigned.from() != null) {
            dispatcher.assignNew(assigned.ticketId(), assigned.from());
        }
    }

    /** A ticket that came to ask for a skill (tagged {@code hostile}) goes to an agent with it, if one is free. */
    @Async
    @TransactionalEventListener
    void on(TicketTagged tagged) {
        if (tagged.added() && Arrays.stream(AgentSkill.values()).anyMatch(s -> s.tag().equals(tagged.tag()))) {
            dispatcher.offerToSkilled(tagged.ticketId());
        }
    }

    @Async
    @TransactionalEventListener
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

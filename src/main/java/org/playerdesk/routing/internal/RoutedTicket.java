package org.playerdesk.routing.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.NewUntilStored;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The queue a ticket was last routed to (null: no queue matched), so that "Next" finds it. */
@Entity
@Table(name = "routing_ticket")
public class RoutedTicket extends NewUntilStored<UUID> {

    @Id
    private UUID ticketId;
    private UUID gameId;
    private UUID queueId;
    private Instant routedAt;

    protected RoutedTicket() {
    }

    @Override
    public UUID getId() {
        return ticketId;
    }

    public RoutedTicket(UUID ticketId, UUID gameId, UUID queueId, Instant routedAt) {
        this.ticketId = ticketId;
        this.gameId = gameId;
        this.queueId = queueId;
        this.routedAt = routedAt;
    }

    public void routedTo(UUID queue, Instant at) {
        this.queueId = queue;
        this.routedAt = at;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID queueId() {
        return queueId;
    }
}

package org.playerdesk.routing;

import java.time.Instant;
import java.util.UUID;

/** What routing tells the other modules; each is published once, with the change that caused it. */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    /**
     * A ticket was routed into a queue of its game ({@code queueId}; null: into none of them, the
     * game's own pool), the first time it was routed or when it moved to another queue.
     */
    public record TicketQueued(UUID ticketId, UUID gameId, UUID queueId, Instant at) {
    }
}

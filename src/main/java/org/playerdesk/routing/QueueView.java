package org.playerdesk.routing;

import java.util.Set;
import java.util.UUID;

import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketType;

/** A queue of a game: its place in the order, its rules (null: any), strategy and who works it. */
public record QueueView(UUID id, UUID gameId, String name, int position, RoutingStrategy strategy, boolean vipFirst,
        TicketChannel channel, TicketType type, String language, String vipTier, SupportLevel level,
        AgentTier requiredTier, Set<UUID> members) {
}

package org.playerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events a ticket publishes; each change in its history has one. They go through the event
 * publication registry, so a listener in another module that fails is retried, not lost.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    /**
     * A new ticket, with the message the player opened it with ({@code messageId}): that message
     * has no {@link TicketMessagePosted} of its own, so a new ticket is one event for every
     * listener to handle, not two.
     */
    public record TicketCreated(UUID ticketId, UUID gameId, long number, UUID playerId, TicketType type,
            TicketChannel channel, TicketPriority priority, UUID messageId, Instant at) {
    }

    public record TicketStatusChanged(UUID ticketId, UUID gameId, TicketStatus from, TicketStatus to,
            Actor.Kind by, Instant at) {
    }

    public record TicketAssigned(UUID ticketId, UUID gameId, UUID from, UUID to, Instant at) {
    }

    public record TicketPriorityChanged(UUID ticketId, UUID gameId, TicketPriority from, TicketPriority to,
            Instant at) {
    }

    public record TicketTypeChanged(UUID ticketId, UUID gameId, TicketType from, TicketType to, Instant at) {
    }

    public record TicketTagged(UUID ticketId, UUID gameId, String tag, boolean added, Instant at) {
    }

    /**
     * A public reply (from the player or an agent) or an internal note; not the message a ticket
     * is opened with, which {@link TicketCreated} carries.
     */
    public record TicketMessagePosted(UUID ticketId, UUID gameId, UUID messageId, Visibility visibility,
            Actor.Kind by, Instant at) {
    }

    /**
     * The reply checks found something in an agent's public reply (told again when more is found
     * in it later: no closing once the agent ended the chat); {@code checks} are the codes of all
     * it was found to have so far.
     */
    public record ReplyFlagged(UUID ticketId, UUID gameId, UUID messageId, UUID agentId, List<String> checks,
            Instant at) {
    }

    /**
     * Moved from one support level to another, with the reason given: by an agent ({@code byId})
     * or the system; {@code assigneeId} held the ticket then (null: nobody).
     */
    public record TicketEscalated(UUID ticketId, UUID gameId, SupportLevel from, SupportLevel to, String reason,
            Actor.Kind by, UUID byId, UUID assigneeId, Instant at) {
    }

    /**
     * A colleague mentioned by user name in an agent's internal note ({@code messageId}), one event
     * per colleague; {@code byId} and {@code byName} are the note's author.
     */
    public record StaffMentioned(UUID ticketId, UUID gameId, UUID messageId, UUID staffId, UUID byId, String byName,
            Instant at) {
    }

    /**
     * A ticket anonymised for a player's erasure or by retention: its subject and the player's
     * words are gone, so every copy of them elsewhere (search documents) is to be rebuilt.
     */
    public record TicketErased(UUID ticketId, UUID gameId, Instant at) {
    }
}

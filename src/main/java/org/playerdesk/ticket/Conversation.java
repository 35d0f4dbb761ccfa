package org.playerdesk.ticket;

import java.util.UUID;

/**
 * An agent's part in a ticket over a period: the ticket they wrote public replies on, its type,
 * whether it is tagged {@code hostile}, and how many of their replies the reply checks flagged.
 */
public record Conversation(UUID ticketId, UUID agentId, TicketType type, boolean hostile, int replies, int flagged) {
}

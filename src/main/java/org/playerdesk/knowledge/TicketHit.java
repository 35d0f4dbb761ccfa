package org.playerdesk.knowledge;

import java.util.UUID;

/** A ticket found by console search: its id, number and subject, best first. */
public record TicketHit(UUID ticketId, long number, String subject, float score) {
}

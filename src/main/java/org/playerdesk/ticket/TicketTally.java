package org.playerdesk.ticket;

/** A period's tickets in brief (the morning meeting's figures): how many were opened, resolved and escalated. */
public record TicketTally(long opened, long resolved, long escalated) {
}

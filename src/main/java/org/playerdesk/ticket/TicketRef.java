package org.playerdesk.ticket;

import java.util.UUID;

/** A ticket by its id, game and number: what a list of many tickets needs and no more. */
public record TicketRef(UUID id, UUID gameId, long number) {
}

package org.playerdesk.ticket;

import java.util.Map;

/**
 * A ticket as a report to the game's developers reads it: its head, the facts it came with
 * (client version, device, server...) and the player's own opening words (empty when the ticket
 * has no public message).
 */
public record ReportedTicket(TicketView ticket, Map<String, String> metadata, String openingText) {

    public ReportedTicket {
        metadata = Map.copyOf(metadata);
        openingText = openingText == null ? "" : openingText;
    }
}

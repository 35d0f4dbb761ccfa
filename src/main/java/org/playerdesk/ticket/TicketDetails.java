package org.playerdesk.ticket;

import java.util.List;
import java.util.Map;

/** Everything about one ticket. Which messages it holds depends on who asked (see {@link TicketQueries}). */
public record TicketDetails(TicketView ticket, Map<String, String> metadata, String contactEmail,
        List<MessageView> messages, List<HistoryEntry> history) {
}

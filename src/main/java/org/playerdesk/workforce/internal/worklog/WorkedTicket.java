package org.playerdesk.workforce.internal.worklog;

import java.util.List;
import java.util.UUID;

import org.playerdesk.ticket.TicketStatus;

/**
 * A ticket an agent worked on that day, as the log shows it: its number and game by name, its
 * subject and status now, what the agent did, and why it is notable (message keys; empty: it is not).
 */
record WorkedTicket(UUID id, long number, String gameName, String subject, TicketStatus status, int replies,
        boolean assigned, boolean resolved, boolean escalated, List<String> notable) {

    public String statusLabel() {
        return "ticket.status." + status.code();
    }
}

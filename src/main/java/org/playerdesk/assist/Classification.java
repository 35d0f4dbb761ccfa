package org.playerdesk.assist;

import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

/**
 * What PlayerDesk suggests for a ticket, each with its confidence (0 to 1), and where it came
 * from: {@code rules} (the cold-start rule set) or {@code model} (trained on resolved tickets).
 */
public record Classification(TicketType type, double typeConfidence, TicketPriority priority,
        double priorityConfidence, GameArea area, boolean hostile, String source) {
}

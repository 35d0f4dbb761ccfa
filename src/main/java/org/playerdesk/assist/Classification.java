package org.playerdesk.assist;

import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

/**
 * What PlayerDesk suggests for a ticket, each with its confidence (0 to 1), how the player
 * sounds, and where it came from: {@code rules} (the keyword rules, while the model is not ready)
 * or {@code model} (the embedding model's vector and the rules' cues, trained on the built-in seed
 * set and the game's resolved tickets).
 */
public record Classification(TicketType type, double typeConfidence, TicketPriority priority,
        double priorityConfidence, GameArea area, Mood mood, String source) {

    /** Hostile: tagged {@code hostile}, counted by wellbeing, routed to agents for hostile players. */
    public boolean hostile() {
        return mood.hostile();
    }
}

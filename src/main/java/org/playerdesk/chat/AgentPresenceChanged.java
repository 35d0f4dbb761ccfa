package org.playerdesk.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent chose another presence in the chat console ({@link ChatSeats#setPresence}); published in
 * the transaction of the change, so that the agent's availability elsewhere (workforce) can follow.
 * The console falling silent does not publish it: whoever follows keeps its own sign of life.
 */
public record AgentPresenceChanged(UUID staffId, Presence presence, Instant at) {
}

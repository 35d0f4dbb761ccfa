package org.playerdesk.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's presence and how many chats they take at once, with how many they have now;
 * {@code pausedUntil} is set while a {@link ChatPause} (a break) keeps them from new chats.
 */
public record AgentSeat(UUID staffId, String displayName, Presence presence, int capacity, int active,
        Instant pausedUntil) {

    public AgentSeat(UUID staffId, String displayName, Presence presence, int capacity, int active) {
        this(staffId, displayName, presence, capacity, active, null);
    }

    public boolean free() {
        return presence == Presence.ONLINE && active < capacity && pausedUntil == null;
    }

    public boolean paused() {
        return pausedUntil != null;
    }
}

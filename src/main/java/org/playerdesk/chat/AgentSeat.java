package org.playerdesk.chat;

import java.util.UUID;

/** An agent's presence and how many chats they take at once, with how many they have now. */
public record AgentSeat(UUID staffId, String displayName, Presence presence, int capacity, int active) {

    public boolean free() {
        return presence == Presence.ONLINE && active < capacity;
    }
}

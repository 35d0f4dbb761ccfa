package org.playerdesk.chat;

import java.util.UUID;

import org.playerdesk.access.StaffUser;

/** Who writes in a chat: the chat's player (by the chat they hold a token for) or an agent. */
public record Sender(boolean player, UUID sessionId, UUID staffId, String name) {

    public static Sender player(UUID sessionId) {
        return new Sender(true, sessionId, null, null);
    }

    public static Sender agent(StaffUser agent) {
        return new Sender(false, null, agent.id(), agent.displayName());
    }
}

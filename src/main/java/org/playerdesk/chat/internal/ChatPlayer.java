package org.playerdesk.chat.internal;

import java.security.Principal;
import java.util.UUID;

/** The player of one chat, as known on a WebSocket connection once its chat token was checked. */
public record ChatPlayer(UUID sessionId, UUID gameId) implements Principal {

    @Override
    public String getName() {
        return "chat-player:" + sessionId;
    }
}

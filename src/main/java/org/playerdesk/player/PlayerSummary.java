package org.playerdesk.player;

import java.time.Instant;
import java.util.UUID;

/** A player as other modules see them. */
public record PlayerSummary(UUID id, UUID gameId, String accountId, String nickname, String server, String role,
        String contactEmail, Instant firstSeenAt) {

    /** The nickname when known, else the account id: how an agent addresses the player. */
    public String displayName() {
        return nickname != null ? nickname : accountId;
    }
}

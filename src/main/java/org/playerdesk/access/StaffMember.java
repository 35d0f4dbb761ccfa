package org.playerdesk.access;

import java.util.Set;
import java.util.UUID;

/** A member of staff as other modules see them. */
public record StaffMember(UUID id, String username, String displayName, StaffRole role, Set<UUID> gameIds,
        String locale, boolean enabled) {

    public boolean serves(UUID gameId) {
        return role.seesAllGames() || gameIds.contains(gameId);
    }
}

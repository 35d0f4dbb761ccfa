package org.playerdesk.access;

import java.util.Set;
import java.util.UUID;

/**
 * A member of staff as other modules see them. {@code personalDataGranted}: an administrator has
 * granted this member {@link Permission#VIEW_PERSONAL_DATA} individually, whatever the role.
 */
public record StaffMember(UUID id, String username, String displayName, StaffRole role, Set<UUID> gameIds,
        String locale, boolean enabled, boolean personalDataGranted) {

    public StaffMember(UUID id, String username, String displayName, StaffRole role, Set<UUID> gameIds,
            String locale, boolean enabled) {
        this(id, username, displayName, role, gameIds, locale, enabled, false);
    }

    /** What the role permits, plus the individual personal-data grant. */
    public boolean can(Permission permission) {
        return role.grants(permission) || permission == Permission.VIEW_PERSONAL_DATA && personalDataGranted;
    }

    /** The role's permissions and the individual grant. */
    public Set<Permission> permissions() {
        Set<Permission> all = java.util.EnumSet.noneOf(Permission.class);
        all.addAll(role.permissions());
        if (personalDataGranted) {
            all.add(Permission.VIEW_PERSONAL_DATA);
        }
        return all;
    }

    public boolean serves(UUID gameId) {
        return role.seesAllGames() || gameIds.contains(gameId);
    }
}

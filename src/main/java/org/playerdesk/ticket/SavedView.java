package org.playerdesk.ticket;

import java.util.Set;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;

/**
 * An inbox view saved under a name: the built-in view it narrows ({@code mine}, {@code unassigned}
 * or {@code all}), the inbox's filters and its order, as codes the inbox reads. {@code gameIds}:
 * the games a shared view is shared in (empty: every game).
 */
public record SavedView(UUID id, UUID ownerId, String name, Audience audience, int position, String view,
        UUID gameId, String type, String status, String priority, String channel, UUID assigneeId, String words,
        String sort, Set<UUID> gameIds) {

    /** Who sees a view besides its author. A team will be one more audience. */
    public enum Audience implements Coded {
        /** Its author alone. */
        PERSONAL("personal"),
        /** Everyone who serves one of the view's games. */
        SHARED("shared");

        private final String code;

        Audience(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public boolean shared() {
        return audience == Audience.SHARED;
    }

    public boolean ownedBy(UUID staffId) {
        return ownerId.equals(staffId);
    }
}

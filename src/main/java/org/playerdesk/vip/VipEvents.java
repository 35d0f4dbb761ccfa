package org.playerdesk.vip;

import java.time.Instant;
import java.util.UUID;

/** What happens in VIP service that others count; each is published once, with the change. */
public final class VipEvents {

    private VipEvents() {
    }

    /**
     * A follow-up visit (回访) was recorded by {@code recordedBy} for a player whose VIP manager is
     * {@code managerId} (null when the player has none); {@code satisfaction} is the player's score,
     * 1 to 5, when they gave one.
     */
    public record FollowUpRecorded(UUID followUpId, UUID vipPlayerId, UUID gameId, UUID managerId, UUID recordedBy,
            Integer satisfaction, Instant at) {
    }
}

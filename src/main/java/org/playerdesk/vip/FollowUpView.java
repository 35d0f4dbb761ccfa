package org.playerdesk.vip;

import java.time.Instant;
import java.util.UUID;

/** One follow-up visit (回访): due, or done with its outcome and the player's satisfaction (1–5). */
public record FollowUpView(UUID id, UUID vipPlayerId, UUID gameId, String accountId, Instant dueAt, Instant doneAt,
        String doneBy, String outcome, Integer satisfaction, String notes) {
}

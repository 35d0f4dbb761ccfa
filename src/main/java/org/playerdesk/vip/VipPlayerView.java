package org.playerdesk.vip;

import java.time.Instant;
import java.util.UUID;

/** A player looked after by the VIP service; {@code tier} is their VIP tier code when the game told us their figures. */
public record VipPlayerView(UUID id, UUID gameId, String accountId, UUID managerId, int vipLevel, String tier,
        boolean hasEntryLink, Instant nextFollowUpAt, Instant createdAt) {
}

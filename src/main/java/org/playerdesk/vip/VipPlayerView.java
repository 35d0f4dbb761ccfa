package org.playerdesk.vip;

import java.time.Instant;
import java.util.UUID;

/** A player looked after by the VIP service. */
public record VipPlayerView(UUID id, UUID gameId, String accountId, UUID managerId, int vipLevel,
        boolean hasEntryLink, Instant nextFollowUpAt, Instant createdAt) {
}

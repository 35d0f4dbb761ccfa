package org.playerdesk.outreach;

import java.time.Instant;
import java.util.UUID;

/** One player's message of a campaign and where it stands. */
public record RecipientView(UUID id, UUID campaignId, UUID playerId, String accountId, String locale,
        RecipientState state, Instant dueAt, Instant sentAt, Instant deliveredAt, Instant repliedAt, UUID ticketId,
        String reference, String reason) {
}

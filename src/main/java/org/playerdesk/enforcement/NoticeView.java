package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.UUID;

/**
 * A message PlayerDesk asked the game to deliver to a player in the game, and whether it did:
 * {@code cause} is what sent it ({@link InGameNotices.Cause}), {@code channel} in-game mail or a
 * system notice, {@code message} the game's answer (why it refused, or could not be reached).
 */
public record NoticeView(UUID id, UUID gameId, String accountId, UUID ticketId, UUID violationId, UUID actionId,
        InGameNotices.Cause cause, String channel, String title, String text, boolean delivered, String reference,
        String message, String sentByName, Instant sentAt) {
}

package org.playerdesk.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored message of a chat, as both sides receive it. {@code seq} counts from 1 per chat;
 * {@code clientId} is the sender's own id for it, so a resend is recognised. {@code kind} is
 * player, agent or system.
 */
public record ChatLine(UUID sessionId, long seq, String clientId, String kind, String author, String body,
        UUID imageId, Instant at) {
}

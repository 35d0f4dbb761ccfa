package org.playerdesk.ticket;

import java.util.Map;
import java.util.UUID;

import org.playerdesk.player.PlayerIdentity;

/**
 * A ticket as a player submits it through a channel. {@code priority} and {@code channel} may be
 * null (normal, and the channel's own default); {@code followLink} asks for a private link the
 * player can follow the ticket with.
 */
public record NewTicket(UUID gameId, PlayerIdentity player, String type, String channel, String priority,
        String subject, String message, String contactEmail, Map<String, String> metadata, boolean followLink) {
}

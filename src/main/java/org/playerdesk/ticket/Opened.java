package org.playerdesk.ticket;

import java.util.Map;

import org.playerdesk.player.PlayerSummary;

/**
 * A ticket just opened, and the secret of its private link when one was asked for: shown to
 * the player once, stored only as a hash. With it, what was written, so that an answer can be
 * made without reading the ticket again: the player as now stored, the metadata and the first
 * message.
 */
public record Opened(TicketView ticket, String followToken, PlayerSummary player, Map<String, String> metadata,
        MessageView firstMessage) {
}

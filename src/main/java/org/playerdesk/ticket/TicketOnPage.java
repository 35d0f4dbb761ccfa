package org.playerdesk.ticket;

import java.util.Map;

import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerSummary;

/**
 * What the ticket page has read once for the whole page and hands to every {@link TicketPanel}:
 * the ticket, its metadata from the game, its player and its game. A panel takes what it needs
 * from here instead of reading the ticket, the player or the game again.
 */
public record TicketOnPage(TicketView ticket, Map<String, String> metadata, PlayerSummary player, GameInfo game) {
}

package org.playerdesk.game;

import java.util.UUID;

/** A game was archived: its API keys stop working; its tickets stay readable. */
public record GameArchived(UUID gameId, String code) {
}

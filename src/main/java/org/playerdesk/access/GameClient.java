package org.playerdesk.access;

import java.util.UUID;

/** A game's server, authenticated by one of the game's API keys. */
public record GameClient(UUID gameId, UUID keyId) {
}

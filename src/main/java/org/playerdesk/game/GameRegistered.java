package org.playerdesk.game;

import java.util.UUID;

/** A game joined this support center. */
public record GameRegistered(UUID gameId, String code) {
}

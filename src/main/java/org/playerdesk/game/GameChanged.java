package org.playerdesk.game;

import java.util.UUID;

/** A game's name, language, time zone, business calendar or channels were changed. */
public record GameChanged(UUID gameId, String code) {
}

package org.playerdesk.game;

import java.util.UUID;

/** A game as other modules see it. */
public record GameInfo(UUID id, String code, String name, String defaultLocale) {
}

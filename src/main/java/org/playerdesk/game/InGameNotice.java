package org.playerdesk.game;

import java.time.Instant;

/**
 * A message the game delivered to a player inside the game: {@code channel} is {@code mail}
 * (in-game mail) or {@code notice} (a system notice shown on entering the game).
 */
public record InGameNotice(Instant at, String channel, String title, String text, String operator) {

    public static final String MAIL = "mail";
    public static final String NOTICE = "notice";
}

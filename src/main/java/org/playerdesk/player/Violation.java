package org.playerdesk.player;

import java.time.Instant;

/** Something a player did against the rules, as a {@link PlayerViolations} source records it. */
public record Violation(Instant at, String kind, String summary, String penalty) {
}

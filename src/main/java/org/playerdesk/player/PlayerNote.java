package org.playerdesk.player;

import java.time.Instant;
import java.util.UUID;

/** A note about a player written by staff, shown on the player page and the ticket panel. */
public record PlayerNote(UUID id, String body, String authorName, Instant createdAt) {
}

package org.playerdesk.game;

import java.time.Instant;

/** One login to a game account. {@code region} is the place the backend resolved the IP to. */
public record LoginRecord(Instant at, String ip, String device, String region) {
}

package org.playerdesk.ticket;

import java.time.Instant;

/** One change in a ticket's history: what changed, from what to what, who did it and when. */
public record HistoryEntry(String action, String oldValue, String newValue, Actor actor, Instant at) {
}

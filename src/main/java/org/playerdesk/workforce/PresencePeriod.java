package org.playerdesk.workforce;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A stretch of one state: from when to when ({@code to} null: under way). */
public record PresencePeriod(UUID staffId, PresenceState state, Instant from, Instant to) {

    /** How much of this period lies within {@code [start, end)}. */
    public Duration within(Instant start, Instant end) {
        Instant a = from.isAfter(start) ? from : start;
        Instant b = to == null || to.isAfter(end) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}

package org.playerdesk.outreach.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours a player is not to be disturbed, from {@code from} o'clock to {@code until} o'clock in
 * their own time zone (across midnight when {@code from > until}; none when they are equal).
 */
record QuietHours(int from, int until) {

    boolean none() {
        return from == until;
    }

    /** When the quiet hours around {@code now} end in this zone, or null when {@code now} is not in them. */
    Instant endAround(Instant now, ZoneId zone) {
        if (none()) {
            return null;
        }
        ZonedDateTime local = now.atZone(zone);
        int hour = local.getHour();
        boolean quiet = from < until ? hour >= from && hour < until : hour >= from || hour < until;
        if (!quiet) {
            return null;
        }
        ZonedDateTime end = local.toLocalDate().atTime(until, 0).atZone(zone);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}

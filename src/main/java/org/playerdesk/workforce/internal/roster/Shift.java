package org.playerdesk.workforce.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * A named shift (早班 08:00–16:00): local hours on a local date. A shift whose end is not after its
 * start (夜班 22:00–06:00, 中班 16:00–24:00) ends on the next day. The instants come from the
 * zone of the date, so on a night the clocks change a shift is an hour shorter or longer.
 */
public record Shift(UUID id, String name, LocalTime start, LocalTime end) {

    public Shift {
        if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("a shift of no length");
        }
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** When this shift starts on that local date, in that zone. */
    public Instant startOn(LocalDate date, ZoneId zone) {
        return date.atTime(start).atZone(zone).toInstant();
    }

    /** When this shift, started on that local date, ends. */
    public Instant endOn(LocalDate date, ZoneId zone) {
        return (crossesMidnight() ? date.plusDays(1) : date).atTime(end).atZone(zone).toInstant();
    }

    /** The hours as people write them: 08:00–16:00, midnight as an end written 24:00. */
    public String hours() {
        return hhmm(start) + "–" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : hhmm(end));
    }

    public static String hhmm(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** Reads HH:mm; 24:00 is midnight (the end of a day). Null when it is not a time. */
    public static LocalTime time(String text) {
        if (text == null || !text.strip().matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        String[] parts = text.strip().split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (hour == 24 && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        return hour > 23 || minute > 59 ? null : LocalTime.of(hour, minute);
    }

    public static String end(LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT) ? "24:00" : hhmm(time);
    }
}

package org.playerdesk.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.Texts;

/**
 * An agent's shifts: weekly hours in the agent's time zone (三班倒: early 08:00-16:00, middle
 * 16:00-24:00, night 00:00-08:00; a shift ending before it starts runs past midnight) and dated
 * exceptions (leave, whole day or hours; an extra shift). An agent with no shifts at all has no
 * roster and counts as always on shift.
 */
public record Roster(ZoneId zone, List<Weekly> weekly, List<Dated> exceptions) {

    public record Weekly(DayOfWeek day, LocalTime from, LocalTime to) {
        boolean crossesMidnight() {
            return !to.isAfter(from);
        }
    }

    public enum Kind {
        LEAVE, EXTRA
    }

    /** {@code from} and {@code to} null: the whole day (leave only). */
    public record Dated(LocalDate date, Kind kind, LocalTime from, LocalTime to) {
        boolean covers(LocalDate day, LocalTime time) {
            return date.equals(day) && (from == null || !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT)
                    || time.isBefore(to)));
        }
    }

    public boolean hasShifts() {
        return !weekly.isEmpty() || exceptions.stream().anyMatch(d -> d.kind() == Kind.EXTRA);
    }

    /** Whether the agent works at this instant: leave wins over an extra shift, which wins over the week. */
    public boolean onShift(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (exceptions.stream().anyMatch(d -> d.kind() == Kind.LEAVE && d.covers(day, time))) {
            return false;
        }
        if (!hasShifts()) {
            return true;
        }
        if (exceptions.stream().anyMatch(d -> d.kind() == Kind.EXTRA && d.covers(day, time))) {
            return true;
        }
        DayOfWeek today = day.getDayOfWeek();
        for (Weekly shift : weekly) {
            if (shift.crossesMidnight()) {
                if (shift.day() == today && !time.isBefore(shift.from())
                        || shift.day() == today.minus(1) && time.isBefore(shift.to())) {
                    return true;
                }
            } else if (shift.day() == today && !time.isBefore(shift.from()) && time.isBefore(shift.to())) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Pattern WEEKLY = Pattern.compile("([a-z,\\-]+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern DATED = Pattern
            .compile("(\\d{4}-\\d{2}-\\d{2})\\s+(leave|extra)(?:\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2}))?");
    private static final int ENTRIES_MAX = 60;

    /**
     * Reads weekly shifts written one per line or separated by ";": days ({@code mon}, {@code mon-fri},
     * {@code sat,sun}, {@code daily}) and hours, e.g. {@code mon-fri 08:00-16:00; sat 22:00-06:00}.
     * Each entry that is not one is added to {@code errors} under {@code field}.
     */
    public static List<Weekly> parseWeekly(String text, String field, List<InvalidInput.FieldError> errors) {
        List<Weekly> shifts = new ArrayList<>();
        for (String entry : entries(text, field, errors)) {
            Matcher m = WEEKLY.matcher(entry);
            Set<DayOfWeek> days = m.matches() ? days(m.group(1)) : null;
            LocalTime from = m.matches() ? time(m.group(2)) : null;
            LocalTime to = m.matches() ? time(m.group(3)) : null;
            boolean wholeDay = m.matches() && m.group(3).equals("24:00") && from != null && from.equals(LocalTime.MIDNIGHT);
            if (days == null || from == null || to == null || from.equals(to) && !wholeDay) {
                errors.add(new InvalidInput.FieldError(field, "invalid.roster.week", Texts.abbreviate(entry, 40)));
                continue;
            }
            days.forEach(day -> shifts.add(new Weekly(day, from, to)));
        }
        return shifts;
    }

    /**
     * Reads dated exceptions, e.g. {@code 2026-12-01 leave; 2026-12-02 leave 08:00-12:00;
     * 2026-12-05 extra 10:00-18:00} (an extra shift needs its hours and ends the same day).
     */
    public static List<Dated> parseExceptions(String text, String field, List<InvalidInput.FieldError> errors) {
        List<Dated> dated = new ArrayList<>();
        for (String entry : entries(text, field, errors)) {
            Matcher m = DATED.matcher(entry);
            LocalDate date = null;
            if (m.matches()) {
                try {
                    date = LocalDate.parse(m.group(1));
                } catch (DateTimeParseException e) {
                    date = null;
                }
            }
            Kind kind = m.matches() ? Kind.valueOf(m.group(2).toUpperCase(Locale.ROOT)) : null;
            LocalTime from = m.matches() && m.group(3) != null ? time(m.group(3)) : null;
            LocalTime to = m.matches() && m.group(4) != null ? time(m.group(4)) : null;
            boolean hours = m.matches() && m.group(3) != null;
            if (date == null || hours && (from == null || to == null)
                    || hours && !to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from) || kind == Kind.EXTRA && !hours) {
                errors.add(new InvalidInput.FieldError(field, "invalid.roster.date", Texts.abbreviate(entry, 40)));
                continue;
            }
            dated.add(new Dated(date, kind, from, to));
        }
        return dated;
    }

    /** The weekly shifts as the editor writes them, one day per entry. */
    public static String formatWeekly(List<Weekly> weekly) {
        return weekly.stream().sorted(java.util.Comparator.comparing(Weekly::day).thenComparing(Weekly::from))
                .map(w -> w.day().name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + hhmm(w.from()) + "-"
                        + end(w.to()))
                .collect(Collectors.joining("; "));
    }

    public static String formatExceptions(List<Dated> dated) {
        return dated.stream().sorted(java.util.Comparator.comparing(Dated::date))
                .map(d -> d.date() + " " + d.kind().name().toLowerCase(Locale.ROOT)
                        + (d.from() == null ? "" : " " + hhmm(d.from()) + "-" + end(d.to())))
                .collect(Collectors.joining("; "));
    }

    public static String hhmm(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** An end of hours: midnight is written 24:00. */
    public static String end(LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT) ? "24:00" : hhmm(time);
    }

    /** "24:00" is the end of the day. */
    public static LocalTime time(String text) {
        String[] parts = text.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (hour == 24 && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private static List<String> entries(String text, String field, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> entries = java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[;\\n\\r]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (entries.size() > ENTRIES_MAX) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tooMany", ENTRIES_MAX));
            return List.of();
        }
        return entries;
    }

    private static Set<DayOfWeek> days(String text) {
        if (text.equals("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            DayOfWeek first = DAYS.get(range[0]);
            DayOfWeek last = range.length == 2 ? DAYS.get(range[1]) : first;
            if (first == null || last == null || range.length > 2) {
                return null;
            }
            for (DayOfWeek d = first;; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }
}

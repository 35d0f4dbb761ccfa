package org.playerdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When support counts time (工作时间): open hours per weekday in a time zone (several ranges a day
 * allowed), holidays that close a whole day, and extra working dates (调休) that open a day which
 * would be closed, with the hours of the first weekday that has any. Or always open (7×24).
 * Pure arithmetic: "N business minutes after t" and "business time between a and b".
 */
public final class BusinessCalendar {

    /** How far ahead {@link #plus} looks before it gives up on a calendar that never opens. */
    private static final int HORIZON_DAYS = 3 * 366;

    /** An open range of a day, in minutes from midnight: {@code [start, end)}, end up to 1440. */
    public record Hours(int start, int end) {

        public Hours {
            if (start < 0 || end > 1440 || start >= end) {
                throw new IllegalArgumentException("an open range runs forward within one day");
            }
        }

        public static Hours of(String from, String to) {
            return new Hours(minutes(from), minutes(to));
        }

        private static int minutes(String time) {
            if ("24:00".equals(time)) {
                return 1440;
            }
            LocalTime t = LocalTime.parse(time);
            return t.getHour() * 60 + t.getMinute();
        }

        @Override
        public String toString() {
            return "%02d:%02d-%02d:%02d".formatted(start / 60, start % 60, end / 60, end % 60);
        }
    }

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<Hours>> week;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingDates;

    private BusinessCalendar(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<Hours>> week,
            Set<LocalDate> holidays, Set<LocalDate> workingDates) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.week = week;
        this.holidays = holidays;
        this.workingDates = workingDates;
    }

    /** Open every minute of every day. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(zone, true, Map.of(), Set.of(), Set.of());
    }

    /**
     * Open in the given hours per weekday (ranges sorted, not overlapping), closed on
     * {@code holidays}, open on {@code workingDates} even at a weekend. At least one weekday
     * must have hours.
     */
    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays,
            Set<LocalDate> workingDates) {
        Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            List<Hours> sorted = new ArrayList<>(hours);
            sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                    throw new IllegalArgumentException("open ranges of " + day + " overlap");
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs open hours on at least one weekday");
        }
        return new BusinessCalendar(zone, false, copy, Collections.unmodifiableSet(new TreeSet<>(holidays)),
                Collections.unmodifiableSet(new TreeSet<>(workingDates)));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** The open ranges of this date (empty when closed). */
    public List<Hours> hoursOn(LocalDate date) {
        if (alwaysOpen) {
            return List.of(new Hours(0, 1440));
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Hours> normal = week.getOrDefault(date.getDayOfWeek(), List.of());
        if (normal.isEmpty() && workingDates.contains(date)) {
            return firstWorkingWeekday();
        }
        return normal;
    }

    /** The instant {@code business} of open time after {@code from} (from itself when zero). */
    public Instant plus(Instant from, Duration business) {
        if (business.isNegative()) {
            throw new IllegalArgumentException("business time cannot be negative");
        }
        if (alwaysOpen) {
            return from.plus(business);
        }
        Duration left = business;
        LocalDate day = LocalDate.ofInstant(from, zone);
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant start = at(day, hours.start());
                Instant end = at(day, hours.end());
                if (!end.isAfter(from)) {
                    continue;
                }
                if (start.isBefore(from)) {
                    start = from;
                }
                Duration open = Duration.between(start, end);
                if (left.compareTo(open) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
            }
        }
        throw new IllegalStateException("the calendar has no open time within " + HORIZON_DAYS + " days");
    }

    /** Open time between {@code a} and {@code b} (zero when b is not after a). */
    public Duration between(Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(a, b);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(b, zone);
        for (LocalDate day = LocalDate.ofInstant(a, zone); !day.isAfter(last); day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant start = max(a, at(day, hours.start()));
                Instant end = min(b, at(day, hours.end()));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether the calendar is open at this instant. */
    public boolean isOpen(Instant when) {
        LocalDate day = LocalDate.ofInstant(when, zone);
        for (Hours hours : hoursOn(day)) {
            if (!when.isBefore(at(day, hours.start())) && when.isBefore(at(day, hours.end()))) {
                return true;
            }
        }
        return false;
    }

    private List<Hours> firstWorkingWeekday() {
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Hours> hours = week.get(day);
            if (hours != null) {
                return hours;
            }
        }
        return List.of();
    }

    /** Local wall time on a date; a time in a daylight-saving gap moves on to the first valid one. */
    private Instant at(LocalDate day, int minuteOfDay) {
        if (minuteOfDay >= 1440) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return day.atTime(minuteOfDay / 60, minuteOfDay % 60).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

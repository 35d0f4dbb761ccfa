package org.playerdesk.insight.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often a subscribed report is sent: each day, each Monday (for the week before) or on the
 * 1st of each month (for the month before), at a local time.
 */
public enum Frequency {
    DAILY("daily"), WEEKLY("weekly"), MONTHLY("monthly");

    private final String code;

    Frequency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Frequency> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** The first local date on or after {@code day} when a report of this frequency is sent. */
    LocalDate sendingDayFrom(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.getDayOfMonth() == 1 ? day : day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }

    /** The first sending moment strictly after {@code after}, at {@code at} local time in {@code zone}. */
    ZonedDateTime nextRun(ZonedDateTime after, LocalTime at, ZoneId zone) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        LocalDate day = sendingDayFrom(local.toLocalDate());
        while (true) {
            ZonedDateTime candidate = day.atTime(at).atZone(zone);
            if (candidate.isAfter(local)) {
                return candidate;
            }
            day = sendingDayFrom(day.plusDays(1));
        }
    }

    /** The period that has just ended on a sending day: yesterday, last week or last month, both ends included. */
    LocalDate[] periodBefore(LocalDate sendingDay) {
        return switch (this) {
            case DAILY -> new LocalDate[] { sendingDay.minusDays(1), sendingDay.minusDays(1) };
            case WEEKLY -> {
                LocalDate monday = sendingDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new LocalDate[] { monday, monday.plusDays(6) };
            }
            case MONTHLY -> {
                LocalDate first = sendingDay.withDayOfMonth(1).minusMonths(1);
                yield new LocalDate[] { first, first.withDayOfMonth(first.lengthOfMonth()) };
            }
        };
    }
}

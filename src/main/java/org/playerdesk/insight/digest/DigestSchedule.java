package org.playerdesk.insight.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.playerdesk.system.entity.Coded;

/**
 * When a game's digest is sent, in the game's time zone: never, every day at the sending time
 * (the day before), or every Monday at the sending time (the week before, Monday to Sunday).
 */
enum DigestSchedule implements Coded {
    OFF("off"), DAILY("daily"), WEEKLY("weekly");

    private final String code;

    DigestSchedule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static DigestSchedule of(String code) {
        for (DigestSchedule schedule : values()) {
            if (schedule.code.equals(code)) {
                return schedule;
            }
        }
        return OFF;
    }

    /** The first sending strictly after {@code after}; null when off. */
    Instant nextAfter(Instant after, ZoneId zone, LocalTime at) {
        if (this == OFF) {
            return null;
        }
        ZonedDateTime now = after.atZone(zone);
        ZonedDateTime next = now.toLocalDate().atTime(at).atZone(zone);
        if (this == WEEKLY) {
            next = next.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        while (!next.toInstant().isAfter(after)) {
            next = this == WEEKLY ? next.plusWeeks(1) : next.plusDays(1);
            next = next.toLocalDate().atTime(at).atZone(zone);
        }
        return next.toInstant();
    }

    /** The days a digest sent at {@code due} covers, the first and the last both included. */
    LocalDate[] period(Instant due, ZoneId zone) {
        LocalDate sentOn = due.atZone(zone).toLocalDate();
        return this == WEEKLY ? new LocalDate[] { sentOn.minusDays(7), sentOn.minusDays(1) }
                : new LocalDate[] { sentOn.minusDays(1), sentOn.minusDays(1) };
    }
}

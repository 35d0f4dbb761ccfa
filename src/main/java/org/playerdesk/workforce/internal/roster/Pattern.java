package org.playerdesk.workforce.internal.roster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A rotation: a cycle of days, each naming a shift or a day off (null). 做三休一 is four days
 * (three on, one off), 三班倒 runs through 早班, 中班 and 夜班; a weekly pattern is a seven-day
 * cycle whose first day is a Monday, wherever the assignment starts.
 */
public record Pattern(UUID id, String name, boolean weekly, List<UUID> days) {

    public static final int DAYS_MAX = 56;

    public Pattern {
        days = Collections.unmodifiableList(new ArrayList<>(days));
        if (days.isEmpty() || days.size() > DAYS_MAX || weekly && days.size() != 7) {
            throw new IllegalArgumentException("a cycle of " + days.size() + " days");
        }
    }

    /** The shift (null: a day off) on {@code date} of a rotation that began on {@code from}. */
    public UUID shiftOn(LocalDate from, LocalDate date) {
        LocalDate anchor = weekly ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        return days.get((int) Math.floorMod(ChronoUnit.DAYS.between(anchor, date), (long) days.size()));
    }

    public int length() {
        return days.size();
    }
}

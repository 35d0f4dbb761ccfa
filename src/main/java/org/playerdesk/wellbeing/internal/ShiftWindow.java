package org.playerdesk.wellbeing.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.playerdesk.routing.Roster;

/**
 * "This shift" of an agent at a moment: the rostered shift under way (a weekly shift, one that
 * began yesterday and runs past midnight, or an extra shift), else the agent's local day; and
 * "this week", from Monday 00:00 in the agent's time zone.
 *
 * @param rostered whether a rostered shift is under way (its start is when work began)
 */
record ShiftWindow(Instant start, Instant end, boolean rostered) {

    static ShiftWindow at(Roster roster, Instant now) {
        if (roster.hasShifts() && roster.onShift(now)) {
            ZonedDateTime local = now.atZone(roster.zone());
            LocalDate today = local.toLocalDate();
            List<ShiftWindow> candidates = new ArrayList<>();
            for (Roster.Weekly shift : roster.weekly()) {
                for (LocalDate day : List.of(today.minusDays(1), today)) {
                    if (shift.day() == day.getDayOfWeek()) {
                        candidates.add(window(roster, day, shift.from(), shift.to()));
                    }
                }
            }
            roster.exceptions().stream().filter(d -> d.kind() == Roster.Kind.EXTRA && d.from() != null)
                    .forEach(d -> candidates.add(window(roster, d.date(), d.from(), d.to())));
            for (ShiftWindow candidate : candidates) {
                if (!candidate.start.isAfter(now) && now.isBefore(candidate.end)) {
                    return candidate;
                }
            }
        }
        ZonedDateTime midnight = now.atZone(roster.zone()).toLocalDate().atStartOfDay(roster.zone());
        return new ShiftWindow(midnight.toInstant(), midnight.plusDays(1).toInstant(), false);
    }

    /** From Monday 00:00 of the week of {@code now}, in the agent's time zone. */
    static Instant weekStart(Roster roster, Instant now) {
        return now.atZone(roster.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(roster.zone()).toInstant();
    }

    private static ShiftWindow window(Roster roster, LocalDate day, LocalTime from, LocalTime to) {
        ZonedDateTime start = day.atTime(from).atZone(roster.zone());
        // a shift ending at or before its start runs past midnight ("24:00" is midnight)
        ZonedDateTime end = (to.isAfter(from) ? day : day.plusDays(1)).atTime(to).atZone(roster.zone());
        return new ShiftWindow(start.toInstant(), end.toInstant(), true);
    }
}

package org.playerdesk.workforce.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast beside the roster: for each hour of a week, the tickets a game may expect (the
 * average of the same weekday and hour over the four weeks before today, counted from the tickets
 * themselves: the insight module offers no hourly figures through its public API) and how many of
 * the game's agents are rostered on shift then.
 */
@Component
public class RosterForecast {

    static final int WEEKS_BACK = 4;

    /** One hour of the week: when it starts, the tickets expected and the agents on shift at its middle. */
    public record Hour(Instant start, int hour, double expected, int staffed) {
        public boolean uncovered() {
            return expected > 0 && staffed == 0;
        }
    }

    /** A day of the forecast, its 24 hours (23 or 25 on a day the clocks change). */
    public record Day(LocalDate date, List<Hour> hours) {
    }

    private final TicketQueries tickets;
    private final RosterPlans plans;

    RosterForecast(TicketQueries tickets, RosterPlans plans) {
        this.tickets = tickets;
        this.plans = plans;
    }

    /** The week from {@code monday} for a game in its zone, with the rostered staffing of these agents. */
    @Transactional(readOnly = true)
    public List<Day> week(UUID gameId, ZoneId zone, LocalDate monday, LocalDate today, List<StaffMember> agents) {
        RosterPlan plan = plans.load(monday.minusDays(1), monday.plusDays(7)).plan();
        List<RosterPlan.Placed> shifts = new ArrayList<>();
        for (StaffMember agent : agents) {
            for (RosterPlan.Day day : plan.days(agent.id(), monday.minusDays(1), monday.plusDays(7))) {
                shifts.addAll(day.shifts());
            }
        }
        List<Day> days = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            LocalDate date = monday.plusDays(d);
            List<Hour> hours = new ArrayList<>(24);
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            for (Instant hour = start; hour.isBefore(end); hour = hour.plusSeconds(3600)) {
                Instant middle = hour.plusSeconds(1800);
                int staffed = (int) shifts.stream().filter(p -> p.covers(middle)).count();
                hours.add(new Hour(hour, hour.atZone(zone).getHour(), expected(gameId, zone, date, hour, today),
                        staffed));
            }
            days.add(new Day(date, hours));
        }
        return days;
    }

    /** The average of the same weekday and local hour over the {@value #WEEKS_BACK} weeks before today. */
    private double expected(UUID gameId, ZoneId zone, LocalDate date, Instant hour, LocalDate today) {
        int localHour = hour.atZone(zone).getHour();
        List<TicketRange.Window> windows = new ArrayList<>(WEEKS_BACK);
        LocalDate sample = date;
        while (!sample.isBefore(today)) {
            sample = sample.minusWeeks(1);
        }
        for (int w = 0; w < WEEKS_BACK; w++) {
            LocalDate day = sample.minusWeeks(w);
            Instant from = day.atTime(localHour, 0).atZone(zone).toInstant();
            windows.add(new TicketRange.Window(gameId, from, from.plusSeconds(3600)));
        }
        return tickets.count(new TicketRange(windows, null, null, null)) / (double) WEEKS_BACK;
    }
}

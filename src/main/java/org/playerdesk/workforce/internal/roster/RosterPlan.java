package org.playerdesk.workforce.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The roster generated from the data: for an agent and a date, the pattern's shift of the
 * assignment that covers it (the agent's own before their teams'; of several, the one begun last),
 * then the changes: an approved swap takes the colleague's pattern shift instead, an extra shift is
 * added, and leave or a sick day leaves the day without any shift. Pure: everything it needs is
 * given, loaded once for a whole range, so that a board of hundreds of agents over weeks costs a
 * handful of queries.
 */
public final class RosterPlan {

    /** How a shift got onto the day. */
    public enum Source {
        PATTERN, SWAP, EXTRA
    }

    /** What the board marks on a day. */
    public enum Mark {
        LEAVE, SICK, EXTRA, SWAP
    }

    /** A shift on a day, with its instants. */
    public record Placed(Shift shift, Source source, Instant start, Instant end) {
        public boolean covers(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /**
     * One agent's day: its shifts (none: a day off), its marks, and whether the agent is rostered
     * that day at all (a pattern covers it or a lead changed it); a day not rostered has no opinion.
     */
    public record Day(UUID staffId, LocalDate date, ZoneId zone, List<Placed> shifts, Set<Mark> marks,
            boolean rostered) {
        public boolean off() {
            return shifts.isEmpty();
        }
    }

    private final Map<UUID, Shift> shifts = new HashMap<>();
    private final Map<UUID, Pattern> patterns = new HashMap<>();
    private final Map<UUID, List<Assignment>> byStaff = new HashMap<>();
    private final Map<UUID, List<Assignment>> byTeam = new HashMap<>();
    private final Map<UUID, Set<UUID>> teamsOf;
    private final Map<UUID, Map<LocalDate, List<DayChange>>> changes = new HashMap<>();
    private final Map<UUID, Map<LocalDate, Swap>> swaps = new HashMap<>();
    private final ZoneId fallbackZone;

    /**
     * @param teamsOf the teams each agent belongs to (for the teams' assignments)
     * @param swaps swap requests; only the approved ones change the roster
     * @param fallbackZone the zone of a day rostered by a lead's change alone (no pattern)
     */
    public RosterPlan(Collection<Shift> shifts, Collection<Pattern> patterns, Collection<Assignment> assignments,
            Map<UUID, Set<UUID>> teamsOf, Collection<DayChange> changes, Collection<Swap> swaps, ZoneId fallbackZone) {
        shifts.forEach(s -> this.shifts.put(s.id(), s));
        patterns.forEach(p -> this.patterns.put(p.id(), p));
        Comparator<Assignment> lastBegunFirst = Comparator.comparing(Assignment::from).reversed();
        for (Assignment a : assignments) {
            (a.ofTeam() ? byTeam.computeIfAbsent(a.teamId(), k -> new ArrayList<>())
                    : byStaff.computeIfAbsent(a.staffId(), k -> new ArrayList<>())).add(a);
        }
        byStaff.values().forEach(list -> list.sort(lastBegunFirst));
        byTeam.values().forEach(list -> list.sort(lastBegunFirst));
        this.teamsOf = teamsOf;
        for (DayChange change : changes) {
            this.changes.computeIfAbsent(change.staffId(), k -> new HashMap<>())
                    .computeIfAbsent(change.date(), k -> new ArrayList<>()).add(change);
        }
        for (Swap swap : swaps) {
            if (swap.state() == SwapState.APPROVED) {
                this.swaps.computeIfAbsent(swap.requesterId(), k -> new HashMap<>()).put(swap.date(), swap);
                this.swaps.computeIfAbsent(swap.colleagueId(), k -> new HashMap<>()).put(swap.date(), swap);
            }
        }
        this.fallbackZone = fallbackZone;
    }

    /** The assignment that decides the agent's date: their own, else one of their teams'. */
    public Assignment assignmentOf(UUID staffId, LocalDate date) {
        Assignment own = covering(byStaff.get(staffId), date);
        if (own != null) {
            return own;
        }
        Assignment best = null;
        for (UUID team : teamsOf.getOrDefault(staffId, Set.of())) {
            Assignment a = covering(byTeam.get(team), date);
            if (a != null && (best == null || a.from().isAfter(best.from()))) {
                best = a;
            }
        }
        return best;
    }

    private static Assignment covering(List<Assignment> assignments, LocalDate date) {
        if (assignments != null) {
            for (Assignment a : assignments) {
                if (a.covers(date)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The pattern's shift of the agent's date, before any change (null: off or not rostered). */
    public Shift patternShift(UUID staffId, LocalDate date) {
        Assignment a = assignmentOf(staffId, date);
        if (a == null) {
            return null;
        }
        Pattern pattern = patterns.get(a.patternId());
        UUID shift = pattern == null ? null : pattern.shiftOn(a.from(), date);
        return shift == null ? null : shifts.get(shift);
    }

    public Day day(UUID staffId, LocalDate date) {
        Assignment a = assignmentOf(staffId, date);
        ZoneId zone = a == null ? fallbackZone : a.zone();
        List<Placed> placed = new ArrayList<>(2);
        Set<Mark> marks = EnumSet.noneOf(Mark.class);
        Swap swap = swaps.getOrDefault(staffId, Map.of()).get(date);
        Shift base = swap == null ? patternShift(staffId, date) : patternShift(swap.other(staffId), date);
        if (swap != null) {
            marks.add(Mark.SWAP);
        }
        if (base != null) {
            placed.add(place(base, swap == null ? Source.PATTERN : Source.SWAP, date, zone));
        }
        List<DayChange> dayChanges = changes.getOrDefault(staffId, Map.of()).getOrDefault(date, List.of());
        boolean off = false;
        for (DayChange change : dayChanges) {
            switch (change.kind()) {
                case LEAVE -> marks.add(Mark.LEAVE);
                case SICK -> marks.add(Mark.SICK);
                case EXTRA -> {
                    marks.add(Mark.EXTRA);
                    Shift extra = shifts.get(change.shiftId());
                    if (extra != null) {
                        placed.add(place(extra, Source.EXTRA, date, zone));
                    }
                }
            }
            off |= change.off();
        }
        if (off) {
            placed.clear();
        }
        placed.sort(Comparator.comparing(Placed::start));
        boolean rostered = a != null || !dayChanges.isEmpty() || swap != null;
        return new Day(staffId, date, zone, List.copyOf(placed), marks, rostered);
    }

    /** The agent's days from {@code from} to {@code to}, both included. */
    public List<Day> days(UUID staffId, LocalDate from, LocalDate to) {
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(day(staffId, d));
        }
        return days;
    }

    /**
     * Whether the agent is on shift at that instant: empty when no day around it is rostered (no
     * opinion), else whether one of its shifts covers the instant (a night shift begun the day
     * before included).
     */
    public java.util.Optional<Boolean> onShift(UUID staffId, Instant at) {
        LocalDate utc = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        boolean rostered = false;
        for (LocalDate d = utc.minusDays(2); !d.isAfter(utc.plusDays(1)); d = d.plusDays(1)) {
            Day day = day(staffId, d);
            if (day.shifts().stream().anyMatch(p -> p.covers(at))) {
                return java.util.Optional.of(true);
            }
            rostered |= day.rostered() && covers(day, at);
        }
        return rostered ? java.util.Optional.of(false) : java.util.Optional.empty();
    }

    /** Whether the instant falls on this local day (in its zone). */
    private static boolean covers(Day day, Instant at) {
        return LocalDate.ofInstant(at, day.zone()).equals(day.date());
    }

    public Map<UUID, Shift> shifts() {
        return shifts;
    }

    private static Placed place(Shift shift, Source source, LocalDate date, ZoneId zone) {
        return new Placed(shift, source, shift.startOn(date, zone), shift.endOn(date, zone));
    }
}

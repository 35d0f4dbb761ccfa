package org.playerdesk.workforce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.workforce.internal.roster.RosterPlan;
import org.playerdesk.workforce.internal.roster.RosterPlans;
import org.playerdesk.workforce.internal.roster.RosterStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster, read: who works when. Generated from the shift patterns the agents and their teams
 * are on (from a start date, in a time zone) and the leads' changes (leave, sick days, extra shifts,
 * approved swaps); see docs/workforce.md "Rotations and rosters". What the other parts of the
 * department (presence board, handover, routing) ask:
 * <ul>
 * <li>{@link #roster}: the shifts of some agents over a range of dates, with their instants;</li>
 * <li>{@link #onShift(UUID, Instant)} / {@link #onShift(Collection, Instant)}: whether an agent is
 * on shift at an instant, or no answer for an agent without a roster (no pattern, no change);</li>
 * <li>{@link #currentOrNext}: the agent's shift under way, else their next one;</li>
 * <li>{@link #onDuty}: everyone on shift at an instant; {@link #arriving}: everyone in the handover
 * window before their shift;</li>
 * <li>{@link #dutyLead}: the on-duty lead (值班长) of a shift on a date;</li>
 * <li>{@link #handoverWindow}: how long before a shift its agent arrives for the handover
 * ({@code playerdesk.workforce.handover-window}, 15 minutes by default). The window is not part of
 * the shift: routing gives an agent work from the shift's start, the outgoing agent works to its
 * end.</li>
 * </ul>
 * Each call loads the range once (a handful of queries) and generates the days in memory.
 */
@Service
@Transactional(readOnly = true)
public class Rosters {

    /** How far {@link #currentOrNext} looks ahead. */
    public static final int LOOK_AHEAD_DAYS = 62;

    private final RosterPlans plans;
    private final RosterStore store;

    Rosters(RosterPlans plans, RosterStore store) {
        this.plans = plans;
        this.store = store;
    }

    /** The handover window: a shift's agent arrives this long before it starts (seed 004: 15 minutes). */
    public Duration handoverWindow() {
        return plans.settings().handoverWindow();
    }

    /** The agents' shifts starting on local dates from {@code from} to {@code to} (both included), in order. */
    public List<RosteredShift> roster(Collection<UUID> staffIds, LocalDate from, LocalDate to) {
        RosterPlan plan = plans.load(from, to).plan();
        List<RosteredShift> shifts = new ArrayList<>();
        for (UUID staffId : staffIds) {
            for (RosterPlan.Day day : plan.days(staffId, from, to)) {
                day.shifts().forEach(p -> shifts.add(shift(day, p)));
            }
        }
        shifts.sort(Comparator.comparing(RosteredShift::start).thenComparing(RosteredShift::staffId));
        return shifts;
    }

    /** Whether the agent is on shift at that instant; empty when they have no roster then. */
    public Optional<Boolean> onShift(UUID staffId, Instant at) {
        return Optional.ofNullable(onShift(List.of(staffId), at).get(staffId));
    }

    /**
     * For each of these agents who has a roster around that instant, whether they are on shift
     * then; agents without one are left out (whoever asks decides what that means: routing keeps
     * their weekly shifts, or counts them always on shift).
     */
    public Map<UUID, Boolean> onShift(Collection<UUID> staffIds, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        RosterPlan plan = plans.load(day.minusDays(2), day.plusDays(1)).plan();
        Map<UUID, Boolean> answers = new HashMap<>();
        for (UUID staffId : staffIds) {
            plan.onShift(staffId, at).ifPresent(on -> answers.put(staffId, on));
        }
        return answers;
    }

    /** The agent's shift under way at that instant, else their next one (within {@value #LOOK_AHEAD_DAYS} days). */
    public Optional<RosteredShift> currentOrNext(UUID staffId, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        RosterPlan plan = plans.load(day.minusDays(2), day.plusDays(LOOK_AHEAD_DAYS)).plan();
        for (RosterPlan.Day d : plan.days(staffId, day.minusDays(2), day.plusDays(LOOK_AHEAD_DAYS))) {
            for (RosterPlan.Placed p : d.shifts()) {
                if (p.end().isAfter(at)) {
                    return Optional.of(shift(d, p));
                }
            }
        }
        return Optional.empty();
    }

    /** Everyone on shift at that instant (their shift under way), by start. */
    public List<RosteredShift> onDuty(Instant at) {
        return around(at, false);
    }

    /** Everyone in the handover window before their shift at that instant (arrived, not yet on shift). */
    public List<RosteredShift> arriving(Instant at) {
        return around(at, true);
    }

    private List<RosteredShift> around(Instant at, boolean arriving) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        RosterPlans.Loaded loaded = plans.load(day.minusDays(2), day.plusDays(1));
        List<RosteredShift> found = new ArrayList<>();
        for (UUID staffId : loaded.rosteredStaff()) {
            for (RosterPlan.Day d : loaded.plan().days(staffId, day.minusDays(2), day.plusDays(1))) {
                for (RosterPlan.Placed p : d.shifts()) {
                    RosteredShift shift = shift(d, p);
                    if (arriving ? shift.inHandover(at) : shift.covers(at)) {
                        found.add(shift);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(RosteredShift::start).thenComparing(RosteredShift::staffId));
        return found;
    }

    /** The on-duty lead (值班长) of that shift on that date, if a lead named one. */
    public Optional<UUID> dutyLead(UUID shiftId, LocalDate date) {
        return store.dutyLeads(date, date).stream().filter(d -> d.shiftId().equals(shiftId))
                .map(RosterStore.DutyLead::staffId).findFirst();
    }

    private RosteredShift shift(RosterPlan.Day day, RosterPlan.Placed placed) {
        return new RosteredShift(day.staffId(), day.date(), placed.shift().id(), placed.shift().name(),
                placed.start(), placed.end(), RosteredShift.Kind.valueOf(placed.source().name()),
                placed.start().minus(handoverWindow()));
    }
}

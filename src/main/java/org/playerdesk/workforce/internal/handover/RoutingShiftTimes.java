package org.playerdesk.workforce.internal.handover;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.Roster;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.workforce.Rosters;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.stereotype.Component;

/**
 * {@link ShiftTimes} from routing's weekly shifts and dated exceptions (each agent's roster in
 * their own time zone) and the workforce teams. An agent without shifts counts as always on duty
 * for routing, but has no shift here: they neither close one nor come on after one.
 */
@Component
class RoutingShiftTimes implements ShiftTimes {

    private final RoutingSetup routing;
    private final StaffDirectory staff;
    private final Teams teams;
    private final Supervisors supervisors;
    private final Rosters rosters;

    RoutingShiftTimes(RoutingSetup routing, StaffDirectory staff, Teams teams, Supervisors supervisors,
            Rosters rosters) {
        this.routing = routing;
        this.staff = staff;
        this.teams = teams;
        this.supervisors = supervisors;
        this.rosters = rosters;
    }

    @Override
    public Optional<ShiftSpan> currentShift(UUID staffId, Instant at) {
        StaffMember member = staff.get(staffId);
        Roster roster = routing.rosters(List.of(staffId)).get(staffId);
        if (roster == null || !roster.hasShifts()) {
            return Optional.empty();
        }
        List<ShiftSpan> spans = spans(roster, at);
        Optional<ShiftSpan> under = spans.stream()
                .filter(s -> !s.start().isAfter(at) && at.isBefore(s.end()) && roster.onShift(at)).findFirst();
        if (under.isPresent()) {
            return under;
        }
        Instant lateFrom = at.minus(rosters.handoverWindow());
        return spans.stream().filter(s -> s.end().isAfter(lateFrom) && !s.end().isAfter(at))
                .filter(s -> roster.onShift(s.end().minusSeconds(1))).reduce((a, b) -> b);
    }

    @Override
    public List<UUID> incoming(UUID outgoingId, Instant shiftEnd) {
        List<UUID> fromTeams = comingOn(teamOf(outgoingId), outgoingId, shiftEnd);
        return fromTeams.isEmpty() ? comingOn(colleaguesOf(outgoingId), outgoingId, shiftEnd) : fromTeams;
    }

    /** The people of the agent's teams. */
    Set<UUID> teamOf(UUID staffId) {
        Set<UUID> team = new LinkedHashSet<>();
        teams.of(staffId).forEach(t -> team.addAll(t.people()));
        return team;
    }

    /** The staff who serve the agent's games. */
    Set<UUID> colleaguesOf(UUID staffId) {
        StaffMember outgoing = staff.get(staffId);
        Set<UUID> games = new LinkedHashSet<>();
        Collection<StaffMember> serving = outgoing.role().seesAllGames() ? staff.all()
                : outgoing.gameIds().stream().flatMap(g -> staff.servingGame(g).stream()).toList();
        serving.forEach(m -> games.add(m.id()));
        return games;
    }

    @Override
    public List<UUID> onDutyLeads(UUID staffId, Instant at) {
        Set<UUID> leads = new LinkedHashSet<>();
        for (TeamView team : teams.of(staffId)) {
            if (team.leadId() != null && !team.leadId().equals(staffId)) {
                leads.add(team.leadId());
            }
        }
        if (!leads.isEmpty()) {
            Map<UUID, StaffMember> members = staff.byIds(leads);
            // as routing decides it: the workforce roster first, else the weekly shifts
            Map<UUID, Boolean> onShiftNow = routing.onShift(members.keySet(), at);
            List<UUID> onShift = leads.stream().filter(members::containsKey)
                    .filter(id -> members.get(id).enabled())
                    .filter(id -> onShiftNow.getOrDefault(id, true)).toList();
            if (!onShift.isEmpty()) {
                return onShift;
            }
            List<UUID> enabled = leads.stream().filter(id -> members.containsKey(id) && members.get(id).enabled())
                    .toList();
            if (!enabled.isEmpty()) {
                return enabled;
            }
        }
        return supervisors.of(staff.get(staffId));
    }

    /** Those of the candidates (who work tickets, not the outgoing agent) whose weekly shift starts near {@code shiftEnd}. */
    List<UUID> comingOn(Set<UUID> candidates, UUID outgoingId, Instant shiftEnd) {
        Map<UUID, StaffMember> members = staff.byIds(candidates);
        List<StaffMember> workers = members.values().stream().filter(StaffMember::enabled)
                .filter(m -> m.can(Permission.WORK_TICKETS)).filter(m -> !m.id().equals(outgoingId)).toList();
        Map<UUID, Roster> weekly = routing.rosters(workers.stream().map(StaffMember::id).toList());
        Duration window = this.rosters.handoverWindow();
        List<UUID> coming = new ArrayList<>();
        for (StaffMember worker : workers) {
            Roster roster = weekly.get(worker.id());
            if (roster == null || !roster.hasShifts()) {
                continue;
            }
            boolean startsNear = spans(roster, shiftEnd).stream()
                    .anyMatch(s -> !s.start().isBefore(shiftEnd.minus(window))
                            && !s.start().isAfter(shiftEnd.plus(window)) && roster.onShift(s.start()));
            if (startsNear) {
                coming.add(worker.id());
            }
        }
        coming.sort(java.util.Comparator.comparing(id -> members.get(id).displayName()));
        return coming;
    }

    /**
     * The roster's shifts around a moment (the day before, the day and the day after, in the
     * agent's time zone): the weekly ones and the extra shifts; a shift ending at or before its
     * start runs past midnight.
     */
    static List<ShiftSpan> spans(Roster roster, Instant around) {
        LocalDate day = around.atZone(roster.zone()).toLocalDate();
        List<ShiftSpan> spans = new ArrayList<>();
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (Roster.Weekly shift : roster.weekly()) {
                if (shift.day() == d.getDayOfWeek()) {
                    spans.add(span(roster, d, shift.from(), shift.to()));
                }
            }
            LocalDate date = d;
            roster.exceptions().stream()
                    .filter(x -> x.kind() == Roster.Kind.EXTRA && x.from() != null && x.date().equals(date))
                    .forEach(x -> spans.add(span(roster, date, x.from(), x.to())));
        }
        spans.sort(java.util.Comparator.comparing(ShiftSpan::start));
        return spans;
    }

    private static ShiftSpan span(Roster roster, LocalDate day, LocalTime from, LocalTime to) {
        ZonedDateTime start = day.atTime(from).atZone(roster.zone());
        ZonedDateTime end = (to.isAfter(from) ? day : day.plusDays(1)).atTime(to).atZone(roster.zone());
        return new ShiftSpan(start.toInstant(), end.toInstant());
    }
}

package org.playerdesk.workforce.internal.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.workforce.RosteredShift;
import org.playerdesk.workforce.Rosters;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * {@link ShiftTimes} from the workforce rosters (patterns, swaps, extra shifts and leave), the way
 * routing decides who works: an agent with a roster around the moment goes by it; one without
 * goes by routing's weekly shifts ({@link RoutingShiftTimes}). The on-duty lead a lead named for
 * the outgoing shift (值班长) is alerted first.
 */
@Primary
@Component
class RosterShiftTimes implements ShiftTimes {

    private final Rosters rosters;
    private final RoutingShiftTimes weekly;
    private final StaffDirectory staff;

    RosterShiftTimes(Rosters rosters, RoutingShiftTimes weekly, StaffDirectory staff) {
        this.rosters = rosters;
        this.weekly = weekly;
        this.staff = staff;
    }

    @Override
    public Optional<ShiftSpan> currentShift(UUID staffId, Instant at) {
        return rostered(staffId, at).map(shift -> new ShiftSpan(shift.start(), shift.end()))
                .or(() -> rosters.onShift(staffId, at).isPresent() ? Optional.empty()
                        : weekly.currentShift(staffId, at));
    }

    @Override
    public List<UUID> incoming(UUID outgoingId, Instant shiftEnd) {
        List<UUID> fromTeams = comingOn(weekly.teamOf(outgoingId), outgoingId, shiftEnd);
        return fromTeams.isEmpty() ? comingOn(weekly.colleaguesOf(outgoingId), outgoingId, shiftEnd) : fromTeams;
    }

    @Override
    public List<UUID> onDutyLeads(UUID staffId, Instant at) {
        Optional<UUID> named = rostered(staffId, at)
                .flatMap(shift -> rosters.dutyLead(shift.shiftId(), shift.date()))
                .filter(lead -> !lead.equals(staffId));
        if (named.isPresent()) {
            List<UUID> leads = new ArrayList<>(List.of(named.get()));
            weekly.onDutyLeads(staffId, at).stream().filter(id -> !leads.contains(id)).forEach(leads::add);
            return leads;
        }
        return weekly.onDutyLeads(staffId, at);
    }

    /** The agent's rostered shift under way at {@code at}, or one that ended within the handover window before it. */
    private Optional<RosteredShift> rostered(UUID staffId, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Instant lateFrom = at.minus(rosters.handoverWindow());
        List<RosteredShift> shifts = rosters.roster(List.of(staffId), day.minusDays(2), day.plusDays(1));
        return shifts.stream().filter(s -> s.covers(at)).findFirst()
                .or(() -> shifts.stream().filter(s -> s.end().isAfter(lateFrom) && !s.end().isAfter(at))
                        .reduce((a, b) -> b));
    }

    /**
     * The candidates coming on near {@code shiftEnd}: those with a roster then whose rostered shift
     * starts within the handover window either side of it, and the others by their weekly shifts.
     */
    private List<UUID> comingOn(Set<UUID> candidates, UUID outgoingId, Instant shiftEnd) {
        Map<UUID, StaffMember> members = staff.byIds(candidates);
        Set<UUID> workers = new LinkedHashSet<>();
        members.values().stream().filter(StaffMember::enabled).filter(m -> m.can(Permission.WORK_TICKETS))
                .filter(m -> !m.id().equals(outgoingId)).forEach(m -> workers.add(m.id()));
        Set<UUID> rostered = new HashSet<>(rosters.onShift(workers, shiftEnd).keySet());
        LocalDate day = LocalDate.ofInstant(shiftEnd, ZoneOffset.UTC);
        Instant from = shiftEnd.minus(rosters.handoverWindow());
        Instant to = shiftEnd.plus(rosters.handoverWindow());
        Set<UUID> coming = new LinkedHashSet<>();
        rosters.roster(rostered, day.minusDays(1), day.plusDays(1)).stream()
                .filter(s -> !s.start().isBefore(from) && !s.start().isAfter(to))
                .forEach(s -> coming.add(s.staffId()));
        Set<UUID> others = new LinkedHashSet<>(workers);
        others.removeAll(rostered);
        coming.addAll(weekly.comingOn(others, outgoingId, shiftEnd));
        return coming.stream().sorted(Comparator.comparing(id -> members.get(id).displayName())).toList();
    }
}

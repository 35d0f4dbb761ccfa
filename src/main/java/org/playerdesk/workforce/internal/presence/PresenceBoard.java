package org.playerdesk.workforce.internal.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.AgentSeat;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.routing.Roster;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.workforce.AgentPresence;
import org.playerdesk.workforce.PresencePeriod;
import org.playerdesk.workforce.PresenceState;
import org.playerdesk.workforce.PresenceView;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The presence board's rows: the agents a lead leads (supervisors and administrators: everyone who
 * works tickets; a team's lead: the team's people), each with their teams, whether they are on
 * shift by their roster and signed in, their state and for how long, their tickets and live chats
 * against their capacities, and today's breaks in their own time zone. Nothing personal is shown,
 * so viewing it is not written to the audit log.
 */
@Service
class PresenceBoard {

    /** One agent on the board. */
    record Row(UUID id, String name, List<String> teams, boolean onShift, boolean signedIn, PresenceState state,
            boolean recorded, long stateHours, long stateMinutes, long tickets, int ticketCapacity, int chats,
            int chatCapacity, int breaks, long breakMinutes) {

        public boolean overTickets() {
            return tickets >= ticketCapacity;
        }
    }

    /** A team to filter by. */
    record TeamChoice(UUID id, String name) {
    }

    private final Teams teams;
    private final StaffDirectory staff;
    private final AgentPresence presence;
    private final RoutingSetup routing;
    private final TicketQueries tickets;
    private final ChatSeats seats;
    private final Clock clock;

    PresenceBoard(Teams teams, StaffDirectory staff, AgentPresence presence, RoutingSetup routing,
            TicketQueries tickets, ChatSeats seats, Clock clock) {
        this.teams = teams;
        this.staff = staff;
        this.presence = presence;
        this.routing = routing;
        this.tickets = tickets;
        this.seats = seats;
        this.clock = clock;
    }

    /** The teams a lead may filter by: every team for supervisors and administrators, else the teams they lead. */
    List<TeamChoice> teamsOf(StaffMember lead) {
        requireLead(lead);
        return (lead.role().leads() ? teams.all() : teams.ledBy(lead.id())).stream()
                .map(team -> new TeamChoice(team.id(), team.name())).toList();
    }

    /** The rows the lead sees, of one of their teams ({@code teamId} null: all they lead), by name. */
    List<Row> rows(StaffMember lead, UUID teamId) {
        requireLead(lead);
        List<TeamView> all = teams.all();
        Collection<StaffMember> people = people(lead, teamId, all);
        Set<UUID> ids = people.stream().map(StaffMember::id).collect(java.util.stream.Collectors.toSet());
        Instant now = clock.instant();
        Map<UUID, PresenceView> states = presence.states(ids);
        Map<UUID, Roster> rosters = routing.rosters(ids);
        Map<UUID, Integer> capacities = routing.capacities(ids);
        Map<UUID, Long> held = tickets.heldBy(ids);
        Map<UUID, Instant> midnights = new HashMap<>();
        Instant earliest = now;
        for (UUID id : ids) {
            ZoneId zone = rosters.containsKey(id) ? rosters.get(id).zone() : ZoneId.of("Asia/Shanghai");
            Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            midnights.put(id, midnight);
            earliest = midnight.isBefore(earliest) ? midnight : earliest;
        }
        Map<UUID, List<PresencePeriod>> breaks = new HashMap<>();
        presence.breaks(ids, earliest, now).forEach(p -> breaks.computeIfAbsent(p.staffId(), k -> new ArrayList<>()).add(p));
        Map<UUID, List<String>> teamNames = new LinkedHashMap<>();
        for (TeamView team : all) {
            team.people().forEach(id -> teamNames.computeIfAbsent(id, k -> new ArrayList<>()).add(team.name()));
        }
        List<Row> rows = new ArrayList<>();
        for (StaffMember member : people) {
            PresenceView state = states.get(member.id());
            Duration inState = state.inState(now);
            List<PresencePeriod> today = breaks.getOrDefault(member.id(), List.of()).stream()
                    .filter(p -> p.within(midnights.get(member.id()), now).isPositive()
                            || p.to() == null && !p.from().isAfter(now))
                    .toList();
            long breakMinutes = today.stream().map(p -> p.within(midnights.get(member.id()), now))
                    .reduce(Duration.ZERO, Duration::plus).toMinutes();
            AgentSeat seat = seats.seat(member);
            Roster roster = rosters.get(member.id());
            rows.add(new Row(member.id(), member.displayName(), teamNames.getOrDefault(member.id(), List.of()),
                    roster == null || roster.onShift(now), state.signedIn(now, presence.grace()), state.state(),
                    state.recorded(), inState.toHours(), inState.toMinutesPart(), held.getOrDefault(member.id(), 0L),
                    capacities.getOrDefault(member.id(), 0), seat.active(), seat.capacity(), today.size(),
                    breakMinutes));
        }
        rows.sort(Comparator.comparing(Row::name).thenComparing(Row::id));
        return rows;
    }

    /** Whether the lead may set this agent's state (away or offline). */
    boolean leads(StaffMember lead, UUID staffId) {
        return teams.leads(lead, staffId);
    }

    private Collection<StaffMember> people(StaffMember lead, UUID teamId, List<TeamView> all) {
        Collection<StaffMember> people;
        if (teamId != null) {
            TeamView team = all.stream().filter(t -> t.id().equals(teamId))
                    .filter(t -> lead.role().leads() || t.ledBy(lead.id()))
                    .findFirst().orElseThrow(() -> new NotFoundException("team", teamId));
            people = staff.byIds(team.people()).values();
        } else if (lead.role().leads()) {
            people = staff.all();
        } else {
            Set<UUID> led = new java.util.HashSet<>();
            all.stream().filter(t -> t.ledBy(lead.id())).forEach(t -> led.addAll(t.people()));
            people = staff.byIds(led).values();
        }
        return people.stream().filter(StaffMember::enabled).filter(m -> m.can(Permission.WORK_TICKETS)).toList();
    }

    private void requireLead(StaffMember lead) {
        if (!teams.leadsAnyone(lead)) {
            throw new AccessDeniedException("only leads see the presence board");
        }
    }
}

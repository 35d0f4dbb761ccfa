package org.playerdesk.insight.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Measured;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.RoutingSetup;
import org.springframework.stereotype.Service;

/**
 * The key figures of the agents a reader may see: a supervisor or an administrator (a lead) sees
 * every agent of the games they serve, and each team's totals; an agent sees their own row and
 * nothing else, whatever they ask for. The figures of all agents are read at once, never agent by
 * agent.
 */
@Service
public class AgentKpis {

    /** One agent: their staff id, display name, team (tier) and figures. */
    public record AgentRow(UUID staffId, String name, AgentTier team, Kpi kpi) {
    }

    /** One team: its tier, its agents' figures added up, and its agents. */
    public record TeamRow(AgentTier team, Kpi kpi, List<AgentRow> agents) {
    }

    /** What a reader sees: the agents' rows, and the teams' (empty for an agent). */
    public record Board(boolean lead, List<AgentRow> agents, List<TeamRow> teams) {
    }

    private final Figures figures;
    private final StaffDirectory staff;
    private final RoutingSetup routing;

    AgentKpis(Figures figures, StaffDirectory staff, RoutingSetup routing) {
        this.figures = figures;
        this.staff = staff;
        this.routing = routing;
    }

    /** Whether the reader sees every agent of their games (supervisors and administrators). */
    public static boolean leads(StaffUser reader) {
        return reader.can(Permission.ASSIGN_OTHERS);
    }

    /** The agents' and teams' figures the request's reader may see, in the request's games and days. */
    public Board board(ReportRequest request) {
        StaffUser reader = request.reader();
        // the request's games are already the reader's; checked again, as figures must never leak
        Set<UUID> games = request.games().stream().filter(reader::serves).collect(Collectors.toSet());
        Map<UUID, Measured> measured = figures.agents(games, request.from(), request.to());
        if (!leads(reader)) {
            StaffMember me = reader.member();
            Measured mine = measured.getOrDefault(me.id(), Measured.empty());
            AgentTier tier = routing.tiers(List.of(me)).getOrDefault(me.id(), AgentTier.of(me.role()));
            return new Board(false, List.of(new AgentRow(me.id(), me.displayName(), tier, Kpi.of(mine))), List.of());
        }
        if (games.isEmpty()) {
            return new Board(true, List.of(), List.of());
        }
        Set<UUID> ids = new HashSet<>(measured.keySet());
        staff.all().stream()
                .filter(m -> m.enabled() && !m.role().seesAllGames() && m.can(Permission.WORK_TICKETS)
                        && games.stream().anyMatch(m::serves))
                .forEach(m -> ids.add(m.id()));
        Map<UUID, StaffMember> members = staff.byIds(ids);
        Map<UUID, AgentTier> tiers = routing.tiers(members.values());
        List<AgentRow> agents = new ArrayList<>();
        Map<AgentTier, Measured> teamFigures = new LinkedHashMap<>();
        Map<AgentTier, List<AgentRow>> teamAgents = new LinkedHashMap<>();
        for (StaffMember member : members.values()) {
            Measured figures = measured.getOrDefault(member.id(), Measured.empty());
            AgentTier tier = tiers.getOrDefault(member.id(), AgentTier.of(member.role()));
            AgentRow row = new AgentRow(member.id(), member.displayName(), tier, Kpi.of(figures));
            agents.add(row);
            teamFigures.merge(tier, figures, Measured::plus);
            teamAgents.computeIfAbsent(tier, t -> new ArrayList<>()).add(row);
        }
        Comparator<AgentRow> byName = Comparator.comparing(AgentRow::name).thenComparing(AgentRow::staffId);
        agents.sort(byName);
        List<TeamRow> teams = new ArrayList<>();
        for (AgentTier tier : AgentTier.values()) {
            if (teamAgents.containsKey(tier)) {
                teams.add(new TeamRow(tier, Kpi.of(teamFigures.get(tier)),
                        teamAgents.get(tier).stream().sorted(byName).toList()));
            }
        }
        return new Board(true, agents, teams);
    }
}

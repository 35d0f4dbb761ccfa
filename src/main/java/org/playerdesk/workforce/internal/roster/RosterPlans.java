package org.playerdesk.workforce.internal.roster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Loads what a range of the roster is generated from: all shifts, patterns and assignments (a
 * department has tens of them), the teams' members, and the changes and swaps of the range (a
 * day either side, for night shifts that cross it): six queries, whatever the number of agents.
 */
@Component
@EnableConfigurationProperties(RosterSettings.class)
public class RosterPlans {

    /** What a range was generated from, with the plan. */
    public record Loaded(RosterPlan plan, List<Shift> shifts, List<Pattern> patterns, List<Assignment> assignments,
            List<TeamView> teams, List<DayChange> changes, List<Swap> swaps) {

        /** Everyone a pattern or a change of the range puts on the roster. */
        public Set<UUID> rosteredStaff() {
            Set<UUID> staff = new HashSet<>();
            Set<UUID> teamsWithPattern = new HashSet<>();
            for (Assignment a : assignments) {
                if (a.ofTeam()) {
                    teamsWithPattern.add(a.teamId());
                } else {
                    staff.add(a.staffId());
                }
            }
            teams.stream().filter(t -> teamsWithPattern.contains(t.id())).forEach(t -> staff.addAll(t.memberIds()));
            changes.forEach(c -> staff.add(c.staffId()));
            return staff;
        }
    }

    private final RosterStore store;
    private final Teams teams;
    private final RosterSettings settings;

    RosterPlans(RosterStore store, Teams teams, RosterSettings settings) {
        this.store = store;
        this.teams = teams;
        this.settings = settings;
    }

    public Loaded load(LocalDate from, LocalDate to) {
        List<Shift> shifts = store.shifts();
        List<Pattern> patterns = store.patterns();
        List<Assignment> assignments = store.assignments();
        List<TeamView> all = teams.all();
        Map<UUID, Set<UUID>> teamsOf = new HashMap<>();
        for (TeamView team : all) {
            team.memberIds().forEach(m -> teamsOf.computeIfAbsent(m, k -> new HashSet<>()).add(team.id()));
        }
        List<DayChange> changes = store.changes(from.minusDays(1), to.plusDays(1));
        List<Swap> swaps = store.swaps(from.minusDays(1), to.plusDays(1));
        RosterPlan plan = new RosterPlan(shifts, patterns, assignments, teamsOf, changes, swaps,
                ZoneId.of(settings.defaultTimeZone()));
        return new Loaded(plan, shifts, patterns, assignments, all, changes, swaps);
    }

    public RosterSettings settings() {
        return settings;
    }
}

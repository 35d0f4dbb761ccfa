package org.playerdesk.wellbeing.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.workforce.Teams;
import org.springframework.stereotype.Component;

/**
 * Who is whose supervisor, for the wellbeing data only the agent and their supervisors see: the
 * lead of a team the agent is a member of ({@link Teams}), the supervisors who serve at least one
 * of the agent's games (the same leads who set the agent's skills and shifts in routing), and the
 * administrators, who lead the whole department. A supervisor's own data is seen by the
 * administrators; an administrator's by no one else. Nobody supervises themselves: their own page
 * is theirs as an agent.
 */
@Component
class Supervision {

    private static final Set<StaffRole> AGENTS = Set.of(StaffRole.AGENT_L1, StaffRole.AGENT_L2, StaffRole.AGENT_VIP);

    private final Teams teams;

    Supervision(Teams teams) {
        this.teams = teams;
    }

    boolean supervises(StaffMember reader, StaffMember agent) {
        return supervised(reader).test(agent);
    }

    /**
     * Whom the reader supervises, as a test of each member of staff: the teams they lead are read
     * once, so that a board of every agent asks the database once, not once per agent.
     */
    Predicate<StaffMember> supervised(StaffMember reader) {
        if (!reader.enabled()) {
            return agent -> false;
        }
        Set<UUID> teamMembers = new HashSet<>();
        teams.ledBy(reader.id()).forEach(team -> teamMembers.addAll(team.people()));
        return agent -> {
            if (reader.id().equals(agent.id())) {
                return false;
            }
            return switch (reader.role()) {
                case ADMIN -> agent.role() != StaffRole.ADMIN;
                case SUPERVISOR -> AGENTS.contains(agent.role())
                        && (agent.gameIds().stream().anyMatch(reader::serves) || teamMembers.contains(agent.id()));
                default -> AGENTS.contains(agent.role()) && teamMembers.contains(agent.id());
            };
        };
    }

    boolean maySee(StaffMember reader, StaffMember agent) {
        return reader.id().equals(agent.id()) || supervises(reader, agent);
    }

    /** Whether the reader supervises anyone: a supervisor, an administrator or a team's lead. */
    boolean supervisesAnyone(StaffMember reader) {
        return reader.enabled() && teams.leadsAnyone(reader);
    }
}

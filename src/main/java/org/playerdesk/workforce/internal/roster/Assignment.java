package org.playerdesk.workforce.internal.roster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An agent ({@code staffId}) or a whole team ({@code teamId}) on a pattern from a date, until a
 * date (null: open-ended), in a time zone (the agent's or the game's). An agent's own assignment
 * wins over their team's; of several, the one begun last.
 */
public record Assignment(UUID id, UUID staffId, UUID teamId, UUID patternId, LocalDate from, LocalDate until,
        ZoneId zone) {

    public Assignment {
        if ((staffId == null) == (teamId == null)) {
            throw new IllegalArgumentException("an assignment is of an agent or of a team");
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("ends before it starts");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }

    public boolean ofTeam() {
        return teamId != null;
    }
}

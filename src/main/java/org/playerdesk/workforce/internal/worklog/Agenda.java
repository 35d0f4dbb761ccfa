package org.playerdesk.workforce.internal.worklog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.playerdesk.ticket.TicketTally;

/**
 * The morning meeting's agenda (早会: 解决前一天的问题, 制定新一天的工作) for a day: the problems
 * yesterday's logs left open, the incidents in progress or opened yesterday, the logs themselves
 * and yesterday's figures in brief, with the minutes kept so far (null: none yet).
 */
record Agenda(LocalDate day, LocalDate yesterday, TeamLogs.Scope scope, List<Problem> problems,
        List<Incident> incidents, List<TeamLogs.PersonDay> logs, TicketTally figures, Meeting meeting) {

    /** A problem of yesterday's logs, not solved. */
    record Problem(String key, String authorName, ProblemCategory category, String body, UUID ticketId,
            Long ticketNumber, String gameName) {
    }

    /** An incident, its game by name. */
    record Incident(String key, UUID id, String title, String gameName, String statusLabel, Instant createdAt) {
    }

    public long unsubmitted() {
        return logs.stream().filter(l -> !l.log().submitted()).count();
    }
}

package org.playerdesk.workforce.internal.worklog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One problem an agent wrote in their log: its category, text, the ticket it is about (its id, game
 * and number; null when none), whether it was added after the log was submitted, and when it was
 * marked solved (null: not yet).
 */
record LogEntry(UUID id, UUID logId, UUID staffId, LocalDate day, ProblemCategory category, String body,
        UUID ticketId, UUID gameId, Long ticketNumber, boolean followUp, Instant solvedAt, Instant createdAt) {

    public boolean solved() {
        return solvedAt != null;
    }
}

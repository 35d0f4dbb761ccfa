package org.playerdesk.workforce.internal.worklog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One agent's log of one local day: a draft until submitted ({@code submittedAt}), and its entries, oldest first. */
record WorkLog(UUID id, UUID staffId, LocalDate day, Instant submittedAt, List<LogEntry> entries) {

    static WorkLog empty(UUID staffId, LocalDate day) {
        return new WorkLog(null, staffId, day, null, List.of());
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    public long open() {
        return entries.stream().filter(e -> !e.solved()).count();
    }
}

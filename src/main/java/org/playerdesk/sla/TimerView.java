package org.playerdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One target of a ticket as it stands: {@code state} is running, paused or stopped; {@code dueAt}
 * is set while it runs; {@code left} is the open time still left (negative once overdue) as of
 * the moment it was read; {@code warnedAt} and {@code breachedAt} when those were reached.
 */
public record TimerView(UUID ticketId, SlaTarget target, String policyName, String state, int targetMinutes,
        Instant startedAt, Instant dueAt, Duration left, Instant warnedAt, Instant breachedAt, Instant stoppedAt) {

    public boolean running() {
        return "running".equals(state);
    }

    public boolean paused() {
        return "paused".equals(state);
    }

    /** Stopped within the target. */
    public boolean met() {
        return "stopped".equals(state) && breachedAt == null;
    }
}

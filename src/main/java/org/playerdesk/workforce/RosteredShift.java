package org.playerdesk.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One shift of an agent's roster: the local date it starts on, the shift's name (早班), when it
 * starts and ends, how it got there, and when its handover begins ({@code handoverFrom}: the start
 * less the handover window, 15 minutes by default, when the incoming agent arrives).
 */
public record RosteredShift(UUID staffId, LocalDate date, UUID shiftId, String shiftName, Instant start, Instant end,
        Kind kind, Instant handoverFrom) {

    /** From the agent's (or team's) pattern, from a colleague through an approved swap, or an extra shift. */
    public enum Kind {
        PATTERN, SWAP, EXTRA
    }

    /** Whether the agent is on this shift at that instant (the handover before it not included). */
    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Whether that instant is in the handover window before the shift. */
    public boolean inHandover(Instant at) {
        return !at.isBefore(handoverFrom) && at.isBefore(start);
    }
}

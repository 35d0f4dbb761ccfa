package org.playerdesk.department;

import java.time.Instant;
import java.util.UUID;

/**
 * A question asked of a department about a ticket. {@code overdue}: the answer deadline passed
 * while it was open (marked once by the sweep, and kept after a late answer).
 */
public record RequestView(UUID id, UUID departmentId, String departmentName, UUID ticketId, UUID gameId,
        RequestState state, UUID askedBy, String askedByName, String question, Instant askedAt, Instant dueAt,
        Instant overdueAt, Instant deliveredAt, String answer, String answeredBy, Instant answeredAt) {

    public boolean isOpen() {
        return state == RequestState.OPEN;
    }

    public boolean overdue() {
        return overdueAt != null;
    }
}

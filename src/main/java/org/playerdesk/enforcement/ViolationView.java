package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded violation, how grave it was judged, and the rung of the ladder it was given;
 * {@code actionId} is the ban it led to.
 */
public record ViolationView(UUID id, UUID gameId, String accountId, String typeCode, String typeName, UUID ticketId,
        String note, int step, Penalty penalty, Integer days, UUID actionId, String recordedBy, Instant recordedAt,
        Severity severity) {
}

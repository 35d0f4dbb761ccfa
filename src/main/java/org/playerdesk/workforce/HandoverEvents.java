package org.playerdesk.workforce;

import java.time.Instant;
import java.util.UUID;

/** What shift handovers publish. */
public final class HandoverEvents {

    private HandoverEvents() {
    }

    /** A handover was acknowledged by the incoming shift or released by a lead: its shift log goes out. */
    public record HandoverSettled(UUID handoverId, UUID outgoingId, HandoverState state, Instant at) {
    }
}

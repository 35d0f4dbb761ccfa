package org.playerdesk.sla;

import java.time.Instant;
import java.util.UUID;

/** What a running service-level target reaches; each is published once per target and ticket. */
public final class SlaEvents {

    private SlaEvents() {
    }

    /** The warning point of a target was passed (for example 80% of it used). */
    public record SlaWarning(UUID ticketId, UUID gameId, SlaTarget target, Instant dueAt, Instant at) {
    }

    /** A target was missed. */
    public record SlaBreached(UUID ticketId, UUID gameId, SlaTarget target, Instant dueAt, Instant at) {
    }
}

package org.playerdesk.incident;

import java.time.Instant;
import java.util.UUID;

/** What incidents publish; through the event publication registry, so nothing is lost. */
public final class IncidentEvents {

    private IncidentEvents() {
    }

    /** The storm grouping proposed an incident; a lead confirms or dismisses it. */
    public record IncidentProposed(UUID incidentId, UUID gameId, String serverKey, Instant at) {
    }

    /** A reply or a resolution for all linked tickets, delivered in the background. */
    public record BroadcastRequested(UUID broadcastId, UUID incidentId, Instant at) {
    }
}

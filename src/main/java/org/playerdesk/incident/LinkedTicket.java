package org.playerdesk.incident;

import java.time.Instant;
import java.util.UUID;

/** A ticket of an incident: since when, by whom (or by the grouping), and whether confirmed. */
public record LinkedTicket(UUID ticketId, UUID incidentId, LinkState state, Instant linkedAt, String linkedBy) {
}

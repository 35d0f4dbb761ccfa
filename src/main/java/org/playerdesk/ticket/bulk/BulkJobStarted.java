package org.playerdesk.ticket.bulk;

import java.time.Instant;
import java.util.UUID;

/** A bulk job was stored: the worker of this node starts on it once the transaction commits. */
public record BulkJobStarted(UUID jobId, Instant at) {
}

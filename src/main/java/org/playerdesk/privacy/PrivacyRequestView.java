package org.playerdesk.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A player's data request as it stands: who asked for what and through which channel, its
 * deadline and whether it is past it unfulfilled, and its fulfilment (who, when, what was done:
 * the rows per data kind exported or erased, the archive's size).
 */
public record PrivacyRequestView(UUID id, UUID gameId, String accountId, RequestKind kind, String source,
        RequestState state, String requestedBy, Instant receivedAt, Instant dueAt, boolean overdue, String doneBy,
        Instant doneAt, Map<String, Integer> counts, Long fileSize, String errorKey) {

    /** Whether the archive can be downloaded. */
    public boolean downloadable() {
        return kind == RequestKind.EXPORT && state == RequestState.DONE && fileSize != null;
    }
}

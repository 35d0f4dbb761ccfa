package org.playerdesk.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident as the console shows it; {@code automatic} when the storm grouping proposed it,
 * {@code linked} and {@code proposed} count its tickets by {@link LinkState}.
 */
public record IncidentView(UUID id, UUID gameId, String title, String description, String servers,
        IncidentStatus status, boolean automatic, String noticeZh, String noticeEn, String createdByName,
        Instant createdAt, Instant confirmedAt, Instant resolvedAt, long linked, long proposed) {

    public boolean hasNotice() {
        return (noticeZh != null && !noticeZh.isBlank()) || (noticeEn != null && !noticeEn.isBlank());
    }
}

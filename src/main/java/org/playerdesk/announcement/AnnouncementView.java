package org.playerdesk.announcement;

import java.time.Instant;
import java.util.UUID;

/** An announcement as staff see it in the console, with its state at the time it was read. */
public record AnnouncementView(UUID id, UUID gameId, AnnouncementKind kind, String titleZh, String bodyZh,
        String titleEn, String bodyEn, Instant windowStart, Instant windowEnd, Instant publishAt, Instant expiresAt,
        boolean pinned, boolean toAgents, AnnouncementState state, String createdByName, Instant createdAt,
        String updatedByName, Instant updatedAt, long version) {

    /** The title in Chinese, or in English when it has only that. */
    public String title() {
        return titleZh != null ? titleZh : titleEn;
    }

    public AnnouncementDraft draft() {
        return new AnnouncementDraft(kind.code(), titleZh, bodyZh, titleEn, bodyEn, windowStart, windowEnd, publishAt,
                expiresAt, pinned, toAgents);
    }
}

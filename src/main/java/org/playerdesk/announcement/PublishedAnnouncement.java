package org.playerdesk.announcement;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A published announcement as a reader sees it: the title and text in the reader's language, or in
 * the other one when it has only that ({@code language} says which), the text also as safe HTML.
 */
public record PublishedAnnouncement(UUID id, UUID gameId, AnnouncementKind kind, String title, String text,
        String html, Locale language, Instant since, Instant until, boolean pinned, Instant windowStart,
        Instant windowEnd) {
}

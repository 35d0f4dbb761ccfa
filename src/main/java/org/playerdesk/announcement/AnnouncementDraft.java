package org.playerdesk.announcement;

import java.time.Instant;

import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.Size;

/**
 * An announcement as staff write it: its kind (a code of {@link AnnouncementKind}), the title and
 * Markdown text in Chinese, in English or both, the maintenance window (maintenance only), when
 * it shows (null: as soon as it is published) and when it goes (null: until withdrawn), whether it
 * is pinned first and whether agents see it as a banner in the console.
 */
public record AnnouncementDraft(String kind,
        @Size(max = TITLE_MAX, message = "{invalid.tooLong}") @SingleLine String titleZh,
        @Size(max = BODY_MAX, message = "{invalid.tooLong}") @PlainText String bodyZh,
        @Size(max = TITLE_MAX, message = "{invalid.tooLong}") @SingleLine String titleEn,
        @Size(max = BODY_MAX, message = "{invalid.tooLong}") @PlainText String bodyEn,
        Instant windowStart, Instant windowEnd, Instant publishAt, Instant expiresAt, boolean pinned,
        boolean toAgents) {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;

    /** Each text without the blanks around it, an empty one as none. */
    public AnnouncementDraft tidied() {
        return new AnnouncementDraft(tidy(kind), tidy(titleZh), tidy(bodyZh), tidy(titleEn), tidy(bodyEn),
                windowStart, windowEnd, publishAt, expiresAt, pinned, toAgents);
    }

    /** The same draft with this maintenance window. */
    public AnnouncementDraft withWindow(Instant start, Instant end) {
        return new AnnouncementDraft(kind, titleZh, bodyZh, titleEn, bodyEn, start, end, publishAt, expiresAt, pinned,
                toAgents);
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

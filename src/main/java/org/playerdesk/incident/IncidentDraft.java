package org.playerdesk.incident;

import org.playerdesk.incident.internal.Incident;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An incident as staff write it: a title, and optionally a description, the affected servers
 * (区服, comma separated) and the public notice in Chinese and in English.
 */
public record IncidentDraft(
        @NotBlank(message = "{invalid.blank}") @Size(max = Incident.TITLE_MAX, message = "{invalid.tooLong}")
        @SingleLine String title,
        @Size(max = Incident.DESCRIPTION_MAX, message = "{invalid.tooLong}") @PlainText String description,
        @Size(max = Incident.SERVERS_MAX, message = "{invalid.tooLong}") @SingleLine String servers,
        @Size(max = Incident.NOTICE_MAX, message = "{invalid.tooLong}") @PlainText String noticeZh,
        @Size(max = Incident.NOTICE_MAX, message = "{invalid.tooLong}") @PlainText String noticeEn) {

    /** The draft as it is checked and kept: each text without the blanks around it, an empty one as none. */
    public IncidentDraft tidied() {
        return new IncidentDraft(tidy(title), tidy(description), tidy(servers), tidy(noticeZh), tidy(noticeEn));
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

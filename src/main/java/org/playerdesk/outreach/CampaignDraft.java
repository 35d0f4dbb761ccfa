package org.playerdesk.outreach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;

/**
 * A campaign as a lead writes it: a name, the channel, the message in Simplified Chinese and in
 * English (each player gets the one of their language; a subject is needed for email), the segment.
 */
public record CampaignDraft(
        @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine String name,
        @NotNull(message = "{invalid.choose}") OutreachChannel channel,
        @Size(max = 200, message = "{invalid.tooLong}") @SingleLine String subjectZh,
        @NotBlank(message = "{invalid.blank}") @Size(max = 4000, message = "{invalid.tooLong}") @PlainText String textZh,
        @Size(max = 200, message = "{invalid.tooLong}") @SingleLine String subjectEn,
        @NotBlank(message = "{invalid.blank}") @Size(max = 4000, message = "{invalid.tooLong}") @PlainText String textEn,
        @NotNull(message = "{invalid.required}") @Valid Segment segment) {

    public CampaignDraft {
        name = tidy(name);
        subjectZh = tidy(subjectZh);
        textZh = tidy(textZh);
        subjectEn = tidy(subjectEn);
        textEn = tidy(textEn);
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

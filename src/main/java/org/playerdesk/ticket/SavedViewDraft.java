package org.playerdesk.ticket;

import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An inbox view to save, as the inbox's form states it: a name, who sees it ({@code personal} or
 * {@code shared}), and the inbox's filters and order as the inbox's URL gives them ({@code view},
 * {@code game}, {@code type}, {@code status}, {@code priority}, {@code channel}, {@code assignee},
 * {@code words}, {@code sort}); a blank filter is "any".
 */
public record SavedViewDraft(
        @NotBlank(message = "{invalid.blank}") @Size(max = SavedViews.NAME_MAX, message = "{invalid.tooLong}")
        @SingleLine String name,
        String audience,
        String view,
        String game,
        String type,
        String status,
        String priority,
        String channel,
        String assignee,
        @Size(max = SavedViews.WORDS_MAX, message = "{invalid.tooLong}") @SingleLine String words,
        String sort) {

    /** The draft without blanks around its texts, an empty one as none. */
    public SavedViewDraft tidied() {
        return new SavedViewDraft(tidy(name), tidy(audience), tidy(view), tidy(game), tidy(type), tidy(status),
                tidy(priority), tidy(channel), tidy(assignee), tidy(words), tidy(sort));
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

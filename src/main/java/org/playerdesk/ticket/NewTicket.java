package org.playerdesk.ticket;

import java.util.Map;
import java.util.UUID;

import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.internal.Ticket;
import org.playerdesk.ticket.internal.TicketMessage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A ticket as a player submits it through a channel. {@code priority} and {@code channel} may be
 * null (normal, and the channel's own default); {@code followLink} asks for a private link the
 * player can follow the ticket with. The type, channel and priority codes and the metadata are
 * checked where they are read ({@link TicketDesk#open}).
 */
public record NewTicket(UUID gameId,
        @NotNull(message = "{invalid.required}") @Valid PlayerIdentity player,
        String type, String channel, String priority,
        @NotBlank(message = "{invalid.blank}") @Size(max = Ticket.SUBJECT_MAX, message = "{invalid.tooLong}")
        @SingleLine String subject,
        @NotBlank(message = "{invalid.blank}") @Size(max = TicketMessage.BODY_MAX, message = "{invalid.tooLong}")
        @PlainText String message,
        @Size(max = 254, message = "{invalid.tooLong}") @SingleLine
        @Pattern(regexp = "[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}", message = "{invalid.email}")
        String contactEmail,
        Map<String, String> metadata, boolean followLink) {

    /** The ticket as it is checked and kept: each text without the blanks around it, an empty one as none. */
    NewTicket tidied() {
        return new NewTicket(gameId, player == null ? null : player.tidied(), type, channel, priority, tidy(subject),
                tidy(message), tidy(contactEmail), metadata, followLink);
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

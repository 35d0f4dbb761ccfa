package org.playerdesk.channel.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketView;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A ticket as the game sees it: its head, the player, and (when one ticket is asked for) the
 * metadata and the public conversation. Internal notes, the assignee and the history are support's
 * own business and never leave through this API. A value that is absent is left out of the JSON,
 * never written as null (docs/api.md): the document marks what is always there as required.
 */
@Schema(name = "Ticket")
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketResponse(
        @Schema(requiredMode = REQUIRED) UUID id,
        @Schema(requiredMode = REQUIRED, description = "Readable number, counted per game from 1.", example = "1024")
        long number,
        @Schema(requiredMode = REQUIRED, example = "new") String status,
        @Schema(requiredMode = REQUIRED, example = "payment") String type,
        @Schema(requiredMode = REQUIRED, example = "in_game") String channel,
        @Schema(requiredMode = REQUIRED, example = "normal") String priority,
        @Schema(requiredMode = REQUIRED, example = "充值未到账") String subject,
        @Schema(requiredMode = REQUIRED) Player player,
        @Schema(requiredMode = REQUIRED) List<String> tags,
        @Schema(description = "Only when one ticket is answered, not in lists.") Map<String, String> metadata,
        @Schema(requiredMode = REQUIRED) Instant createdAt,
        @Schema(requiredMode = REQUIRED) Instant updatedAt,
        @Schema(description = "The public conversation, oldest first; only when one ticket is answered.")
        List<Message> messages) {

    /** The player as support knows them; the nickname and server only when the game ever sent them. */
    @Schema(name = "TicketPlayer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Player(@Schema(requiredMode = REQUIRED, example = "10086") String accountId,
            @Schema(description = "Left out when the game never sent one.", example = "风之子") String nickname,
            @Schema(description = "Left out when the game never sent one.", example = "S12") String server) {

        static Player of(PlayerSummary player) {
            return new Player(player.accountId(), player.nickname(), player.server());
        }
    }

    @Schema(name = "Message")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(
            @Schema(requiredMode = REQUIRED) UUID id,
            @Schema(requiredMode = REQUIRED, description = "Who wrote it.",
                    allowableValues = { "player", "agent", "system" }) String authorKind,
            @Schema(description = "The name shown with the message; left out when it has none.", example = "风之子")
            String authorName,
            @Schema(requiredMode = REQUIRED) String body,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED) List<Attachment> attachments) {

        static Message of(MessageView message) {
            return new Message(message.id(), message.authorKind().code(), message.authorName(), message.body(),
                    message.createdAt(), message.attachments().stream().map(Attachment::of).toList());
        }
    }

    @Schema(name = "Attachment")
    record Attachment(@Schema(requiredMode = REQUIRED, example = "screenshot.png") String name,
            @Schema(requiredMode = REQUIRED, example = "image/png") String type,
            @Schema(requiredMode = REQUIRED, description = "Size in bytes.") long size) {

        static Attachment of(AttachmentView file) {
            return new Attachment(file.fileName(), file.contentType(), file.sizeBytes());
        }
    }

    /** One ticket with its metadata and public messages (the caller asked for public ones only). */
    static TicketResponse of(TicketDetails details, PlayerSummary player) {
        // sorted, so that the same ticket always reads the same
        return of(details.ticket(), player, new TreeMap<>(details.metadata()),
                details.messages().stream().map(Message::of).toList());
    }

    /** A ticket just opened, from what was written: its metadata and first message. */
    static TicketResponse of(Opened opened) {
        return of(opened.ticket(), opened.player(), new TreeMap<>(opened.metadata()),
                List.of(Message.of(opened.firstMessage())));
    }

    /** A row of a list: the head only. */
    static TicketResponse row(TicketView ticket, PlayerSummary player) {
        return of(ticket, player, null, null);
    }

    private static TicketResponse of(TicketView ticket, PlayerSummary player, Map<String, String> metadata,
            List<Message> messages) {
        return new TicketResponse(ticket.id(), ticket.number(), ticket.status().code(), ticket.type().code(),
                ticket.channel().code(), ticket.priority().code(), ticket.subject(), Player.of(player),
                List.copyOf(ticket.tags()), metadata, ticket.createdAt(), ticket.updatedAt(), messages);
    }
}

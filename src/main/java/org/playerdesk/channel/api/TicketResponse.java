package org.playerdesk.channel.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketView;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A ticket as the game sees it: its head, the player, and (when one ticket is asked for) the
 * metadata and the public conversation. Internal notes, the assignee and the history are support's
 * own business and never leave through this API.
 */
@Schema(name = "Ticket")
record TicketResponse(
        UUID id,
        @Schema(description = "Readable number, counted per game from 1.", example = "1024") long number,
        @Schema(example = "new") String status,
        @Schema(example = "payment") String type,
        @Schema(example = "in_game") String channel,
        @Schema(example = "normal") String priority,
        String subject,
        Player player,
        List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only when one ticket is answered, not in lists.") Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The public conversation, oldest first; only when one ticket is answered.")
        List<Message> messages) {

    @Schema(name = "TicketPlayer")
    record Player(String accountId, String nickname, String server) {

        static Player of(PlayerSummary player) {
            return new Player(player.accountId(), player.nickname(), player.server());
        }
    }

    @Schema(name = "Message")
    record Message(
            UUID id,
            @Schema(description = "Who wrote it.", allowableValues = { "player", "agent", "system" }) String authorKind,
            String authorName,
            String body,
            Instant createdAt,
            List<Attachment> attachments) {

        static Message of(MessageView message) {
            return new Message(message.id(), message.authorKind().code(), message.authorName(), message.body(),
                    message.createdAt(), message.attachments().stream().map(Attachment::of).toList());
        }
    }

    @Schema(name = "Attachment")
    record Attachment(String name, @Schema(example = "image/png") String type,
            @Schema(description = "Size in bytes.") long size) {

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

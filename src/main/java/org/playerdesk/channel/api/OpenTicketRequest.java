package org.playerdesk.channel.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.NewTicket;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import tools.jackson.databind.annotation.JsonDeserialize;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A ticket as a game server reports it. Every field is text (or a map of texts), so that a wrong
 * code such as {@code "type": "bgu"} reaches the ticket desk's field-by-field checks, which name
 * the valid codes, instead of failing while the JSON is read.
 */
@Schema(name = "NewTicket", description = "A player's report, sent by the game server.")
record OpenTicketRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED)
        Player player,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "payment",
                description = "What the player asks about; one of the ticket type codes.")
        @StrictText.Text String type,

        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200, example = "充值未到账",
                description = "One line, no control characters.")
        @StrictText.Text String subject,

        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 20000, example = "充值 648 元后钻石没有到账。",
                description = "The player's first message; several lines allowed.")
        @StrictText.Text String message,

        @Schema(example = "in_game", description = "Where the report came from; in_game when absent.")
        @StrictText.Text String channel,

        @Schema(example = "normal", description = "normal when absent.")
        @StrictText.Text String priority,

        @Schema(maxLength = 254, example = "player@example.com", description = "Where the player may also be reached.")
        @StrictText.Text String contactEmail,

        @Schema(description = "Player context as text: client version, device, zone… At most 30 entries; keys are "
                + "1 to 64 letters, digits, dots, dashes or underscores; values at most 500 characters.",
                example = "{\"clientVersion\": \"2.3.1\", \"device\": \"iPhone 15\"}")
        @JsonDeserialize(contentUsing = StrictText.class) Map<String, String> metadata,

        @Schema(maxLength = 128, example = "outreach-0190f0a4-6b1e-7c2d-9a53-2f1c8e7d4b10",
                description = "The player answers a campaign's in-game message: the Idempotency-Key the game got "
                        + "with that message (the connector's message action). The ticket is linked to the campaign, "
                        + "which counts the message replied; a key that names no campaign message of this game to "
                        + "this player is refused.")
        @StrictText.Text String campaignMessage,

        @JsonAnySetter @Schema(hidden = true)
        Map<String, Object> unknown) {

    /** Who the player is in the game. */
    @Schema(name = "PlayerIdentity")
    record Player(
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 64, example = "10086")
            @StrictText.Text String accountId,
            @Schema(maxLength = 100, example = "风之子") @StrictText.Text String nickname,
            @Schema(maxLength = 64, example = "S12") @StrictText.Text String server,
            @Schema(maxLength = 100, example = "法师") @StrictText.Text String role,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    OpenTicketRequest {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    /** Fields the API does not know are refused by name: a misspelt field would otherwise be lost quietly. */
    List<InvalidInput.FieldError> unknownFields() {
        List<InvalidInput.FieldError> errors = new ArrayList<>(UnknownFields.of(unknown, ""));
        if (player != null) {
            errors.addAll(UnknownFields.of(player.unknown(), "player."));
        }
        return errors;
    }

    NewTicket toNewTicket(UUID gameId) {
        return toNewTicket(gameId, null);
    }

    /** The ticket; one that answers a campaign message names the campaign in its metadata ({@code campaign}). */
    NewTicket toNewTicket(UUID gameId, String campaign) {
        PlayerIdentity identity = player == null ? null
                : new PlayerIdentity(player.accountId(), player.nickname(), player.server(), player.role());
        Map<String, String> facts = metadata;
        if (campaign != null && (metadata == null || !metadata.containsKey("campaign") && metadata.size() < 30)) {
            facts = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
            facts.put("campaign", campaign);
        }
        // the game shows its tickets in the game, so no private follow-up link is made
        return new NewTicket(gameId, identity, type, channel, priority, subject, message, contactEmail, facts, false);
    }

    /** The answered campaign message's key without the blanks around it, or null. */
    String answeredMessage() {
        return campaignMessage == null || campaignMessage.isBlank() ? null : campaignMessage.strip();
    }

    /**
     * The request as one text that does not depend on how the JSON was written (spacing, order of
     * keys): two retries with the same content give the same text, and the same idempotency hash.
     */
    String canonical() {
        StringBuilder text = new StringBuilder("ticket/1");
        if (player == null) {
            text.append("|player:-");
        } else {
            append(text, "player.accountId", player.accountId());
            append(text, "player.nickname", player.nickname());
            append(text, "player.server", player.server());
            append(text, "player.role", player.role());
        }
        append(text, "type", type);
        append(text, "subject", subject);
        append(text, "message", message);
        append(text, "channel", channel);
        append(text, "priority", priority);
        append(text, "contactEmail", contactEmail);
        if (metadata == null) {
            text.append("|metadata:-");
        } else {
            text.append("|metadata:").append(metadata.size());
            new TreeMap<>(metadata).forEach((key, value) -> append(text, "metadata." + key, value));
        }
        if (campaignMessage != null) {
            // only when given, so that the hash of a request without it is what it always was
            append(text, "campaignMessage", campaignMessage);
        }
        return text.toString();
    }

    /** Length-prefixed, so that no value can pass for another field's value or for a missing one. */
    private static void append(StringBuilder text, String name, String value) {
        text.append('|').append(name).append(':');
        if (value == null) {
            text.append('-');
        } else {
            text.append(value.length()).append('=').append(value);
        }
    }
}

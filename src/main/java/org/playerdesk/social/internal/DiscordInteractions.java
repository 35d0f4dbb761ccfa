package org.playerdesk.social.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.game.GameCatalog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Discord application's interactions endpoint, as Discord documents it: each request is signed
 * with Ed25519 over the {@code X-Signature-Timestamp} header followed by the raw body, checked with
 * the application's public key (refused with 401 when unsigned, wrongly signed or stale); a PING is
 * answered with a PONG; an application command (a slash command such as {@code /support}), a
 * message component (a button) or a modal's submission opens or continues the ticket of its
 * conversation (the channel and the user) and is answered at once with a message only its author
 * sees; the interaction's token is kept for the agent's follow-up.
 */
@RestController
@Hidden
class DiscordInteractions {

    static final String SIGNATURE = "X-Signature-Ed25519";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    /** The DER head of an X.509 Ed25519 public key, before its 32 raw bytes. */
    private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");
    static final int PING = 1;
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int MODAL_SUBMIT = 5;
    /** The message flag that shows an answer to its author only. */
    static final int EPHEMERAL = 64;

    private final SocialSources sources;
    private final SocialIntake intake;
    private final GameCatalog games;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    DiscordInteractions(SocialSources sources, SocialIntake intake, GameCatalog games, MessageSource messages,
            JsonMapper json, Clock clock) {
        this.sources = sources;
        this.intake = intake;
        this.games = games;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/social/hooks/discord/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> interact(@PathVariable String source, HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.body(request);
        Optional<Source> found = Webhooks.source(sources, source, Platform.DISCORD);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String timestamp = request.getHeader(TIMESTAMP);
        if (!Webhooks.fresh(timestamp, clock.instant())
                || !verify(found.get().publicKey(), request.getHeader(SIGNATURE), timestamp, body)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode interaction;
        try {
            interaction = json.readTree(body);
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().build();
        }
        int type = interaction.path("type").asInt(0);
        if (type == PING) {
            return ResponseEntity.ok(Map.of("type", 1));
        }
        if (type != APPLICATION_COMMAND && type != MESSAGE_COMPONENT && type != MODAL_SUBMIT) {
            return ResponseEntity.badRequest().build();
        }
        JsonNode user = interaction.path("member").path("user");
        if (user.isMissingNode()) {
            user = interaction.path("user");
        }
        String userId = user.path("id").asString(null);
        String interactionId = interaction.path("id").asString(null);
        String channelId = interaction.path("channel_id").asString(interaction.path("channel").path("id").asString(null));
        String token = interaction.path("token").asString(null);
        String text = text(interaction.path("data"), type);
        if (userId == null || interactionId == null || channelId == null || token == null || text.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        String name = user.path("global_name").asString(null);
        if (name == null || name.isBlank()) {
            name = user.path("username").asString(userId);
        }
        // in a server's channel each member is a conversation of their own; a direct message's channel is one
        String thread = interaction.path("guild_id").isMissingNode() ? channelId : channelId + ":" + userId;
        Inbound.Received received = intake.receive(found.get(), new Inbound(thread, interactionId, userId, name,
                interaction.path("guild_id").isMissingNode() ? Inbound.Kind.DIRECT : Inbound.Kind.POST, text, null,
                null, token, channelId, null));
        Locale locale = Locale.forLanguageTag(games.get(found.get().gameId()).defaultLocale());
        String content = messages.getMessage(received.opened() ? "social.discord.opened" : "social.discord.continued",
                new Object[] {received.ticketNumber()}, locale);
        return ResponseEntity.ok(Map.of("type", 4, "data", Map.of("content", content, "flags", EPHEMERAL)));
    }

    /** The player's words: a command's string options, a button's id or chosen values, a modal's fields. */
    static String text(JsonNode data, int type) {
        List<String> parts = new ArrayList<>();
        if (type == APPLICATION_COMMAND) {
            collectOptions(data.path("options"), parts);
            if (parts.isEmpty()) {
                parts.add("/" + data.path("name").asString(""));
            }
        } else if (type == MESSAGE_COMPONENT) {
            data.path("values").forEach(v -> parts.add(v.asString("")));
            if (parts.isEmpty()) {
                parts.add(data.path("custom_id").asString(""));
            }
        } else {
            data.path("components").forEach(row -> row.path("components")
                    .forEach(field -> parts.add(field.path("value").asString(""))));
        }
        return String.join("\n", parts).strip();
    }

    private static void collectOptions(JsonNode options, List<String> parts) {
        options.forEach(option -> {
            if (option.has("options")) {
                collectOptions(option.path("options"), parts);
            } else if (option.path("value").isString()) {
                parts.add(option.path("value").asString());
            }
        });
    }

    static boolean verify(String publicKeyHex, String signatureHex, String timestamp, byte[] body) {
        if (publicKeyHex == null || signatureHex == null || timestamp == null) {
            return false;
        }
        try {
            byte[] raw = HexFormat.of().parseHex(publicKeyHex);
            byte[] spki = new byte[ED25519_SPKI.length + raw.length];
            System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
            System.arraycopy(raw, 0, spki, ED25519_SPKI.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}

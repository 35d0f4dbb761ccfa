package org.playerdesk.social.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Discord's HTTP API: {@code POST /webhooks/{application.id}/{interaction.token}} for a follow-up
 * (no authorization header: the token is the credential), {@code POST /channels/{channel.id}/messages}
 * with {@code Authorization: Bot <token>}. Mentions are switched off, so a player's reply cannot
 * ping a whole server.
 */
@Component
class HttpDiscordApi implements DiscordApi {

    /** Discord's limit on a message's content. */
    static final int CONTENT_MAX = 2000;

    private final PlatformHttp http;

    HttpDiscordApi(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public void followUp(String applicationId, String interactionToken, String text) {
        http.post(base() + "/webhooks/" + encode(applicationId) + "/" + encode(interactionToken), body(text),
                Map.of());
    }

    @Override
    public void channelMessage(String botToken, String channelId, String text) {
        http.post(base() + "/channels/" + encode(channelId) + "/messages", body(text),
                Map.of("Authorization", "Bot " + botToken));
    }

    private byte[] body(String text) {
        String content = text.length() <= CONTENT_MAX ? text : text.substring(0, CONTENT_MAX - 1) + "…";
        return http.json(Map.of("content", content, "allowed_mentions", Map.of("parse", List.of())));
    }

    private String base() {
        return SocialSettings.trimmed(http.settings().discordBaseUrl());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

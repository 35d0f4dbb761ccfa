package org.playerdesk.assist.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An optional OpenAI-compatible chat-completions endpoint that drafts a reply for an agent. Off
 * unless {@code playerdesk.assist.reply-suggestions.url} is set; then the player's text (and
 * nothing else about the player) is sent there. Any failure gives no suggestion, never an error.
 */
@Component
public class ReplySuggestions {

    private static final Logger log = LoggerFactory.getLogger(ReplySuggestions.class);
    static final String SYSTEM_PROMPT = "You are a polite game customer-service agent. Draft a short reply to the "
            + "player's message in the player's language. Never promise compensation.";

    private final AssistProperties.ReplySuggestions settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ReplySuggestions(AssistProperties properties) {
        this.settings = properties.replySuggestions();
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** A draft reply to the player's text, or empty when switched off or the endpoint does not answer well. */
    public Optional<String> draft(String playerText) {
        if (!enabled() || playerText == null || playerText.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> body = Map.of("model", settings.model(), "messages", List.of(
                Map.of("role", "system", "content", SYSTEM_PROMPT),
                Map.of("role", "user", "content", playerText)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url().replaceAll("/+$", "")
                + "/chat/completions")).timeout(settings.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (!settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Reply suggestions: the endpoint answered {}", response.statusCode());
                return Optional.empty();
            }
            JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
            return content.isString() && !content.asString().isBlank() ? Optional.of(content.asString().strip())
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Reply suggestions: no answer from the endpoint ({})", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

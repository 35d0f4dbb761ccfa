package org.playerdesk.assist.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.assist.*}: the default thresholds of a game (each game may set its own), how
 * often the models are retrained, and the optional OpenAI-compatible endpoint for reply
 * suggestions (off unless a URL is set).
 */
@ConfigurationProperties("playerdesk.assist")
public record AssistProperties(@DefaultValue("0.9") double botThreshold, @DefaultValue("0.9") double applyThreshold,
        @DefaultValue("1h") Duration trainingInterval, @DefaultValue ReplySuggestions replySuggestions) {

    /** An OpenAI-compatible chat-completions endpoint; empty url: no call ever leaves PlayerDesk. */
    public record ReplySuggestions(@DefaultValue("") String url, @DefaultValue("") String apiKey,
            @DefaultValue("gpt-4o-mini") String model, @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}

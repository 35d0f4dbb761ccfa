package org.playerdesk.assist.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.assist.*}: the default thresholds of a game (each game may set its own), how
 * often the models are retrained, the optional OpenAI-compatible endpoint for reply suggestions
 * (off unless a URL is set), and whether the classifier trains its model on the embedding model's
 * vectors ({@code classifier-model}, on; off, the keyword rules classify while search still reads
 * meaning: the seed set's training, about 20 s of both cores at every start, is spared).
 */
@ConfigurationProperties("playerdesk.assist")
public record AssistProperties(@DefaultValue("0.9") double botThreshold, @DefaultValue("0.9") double applyThreshold,
        @DefaultValue("1h") Duration trainingInterval, @DefaultValue ReplySuggestions replySuggestions,
        @DefaultValue("true") boolean classifierModel) {

    /** An OpenAI-compatible chat-completions endpoint; empty url: no call ever leaves PlayerDesk. */
    public record ReplySuggestions(@DefaultValue("") String url, @DefaultValue("") String apiKey,
            @DefaultValue("gpt-4o-mini") String model, @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}

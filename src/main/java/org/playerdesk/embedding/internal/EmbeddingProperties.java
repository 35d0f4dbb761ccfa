package org.playerdesk.embedding.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.embedding.*}: whether the embedding model runs (on by default; off, search and
 * classification use words alone), and how many texts' vectors each node keeps at hand.
 */
@ConfigurationProperties("playerdesk.embedding")
public record EmbeddingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2048") int cacheSize) {
}

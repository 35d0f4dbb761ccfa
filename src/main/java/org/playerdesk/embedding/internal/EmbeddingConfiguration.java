package org.playerdesk.embedding.internal;

import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The glossary as a bean, and the model's state in the health endpoint. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    /**
     * A model that failed to load leaves the node serving (words alone), so the node is not DOWN
     * but {@code DEGRADED}, which the health endpoint answers with 200 and shows above UP.
     */
    static final Status DEGRADED = new Status("DEGRADED", "the embedding model could not be loaded");

    @Bean
    Glossary glossary() {
        return Glossary.builtIn();
    }

    @Bean
    HealthIndicator embeddingHealth(TextEmbeddings embeddings) {
        return () -> switch (embeddings.state()) {
            case READY -> Health.up().withDetail("model", embeddings.model()).build();
            case LOADING -> Health.up().withDetail("model", embeddings.model()).withDetail("state", "loading").build();
            case OFF -> Health.up().withDetail("state", "off").build();
            case FAILED -> Health.status(DEGRADED).withDetail("model", embeddings.model())
                    .withDetail("fallback", "words alone").build();
        };
    }
}

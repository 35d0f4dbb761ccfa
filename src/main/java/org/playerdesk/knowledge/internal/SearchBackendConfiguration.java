package org.playerdesk.knowledge.internal;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points Hibernate Search at the backend {@code playerdesk.search.backend} names. With
 * {@code lucene} (the default) the settings of application.yml stand as they are. With
 * {@code opensearch} they are replaced: the Elasticsearch backend on the cluster's URIs, the
 * analyzers OpenSearch ships ({@link OpenSearchAnalysis}), the indexes' names prefixed, and the
 * outbox-polling coordination: a change is written to {@code hsearch_outbox_event} in the
 * transaction that makes it and indexed in the background by whichever node's agent owns its
 * shard, so each change reaches the shared index once, whichever node made it, even when that
 * node stops before indexing it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
class SearchBackendConfiguration {

    static final String COORDINATION = "hibernate.search.coordination.strategy";
    static final String SYNCHRONIZATION = "hibernate.search.indexing.plan.synchronization.strategy";

    @Bean
    HibernatePropertiesCustomizer searchBackend(SearchSettings settings) {
        return properties -> {
            if (settings.backend() == SearchSettings.Backend.OPENSEARCH) {
                openSearch(settings.opensearch(), properties);
            } else {
                // both backends are on the class path: Hibernate Search is told which
                properties.putIfAbsent("hibernate.search.backend.type", "lucene");
                // a change is searchable when the transaction that made it has committed (the
                // outbox coordination refuses the setting: there it is always asynchronous)
                properties.putIfAbsent(SYNCHRONIZATION, "read-sync");
            }
        };
    }

    static void openSearch(SearchSettings.OpenSearch cluster, Map<String, Object> properties) {
        // the embedded index's settings (directory, Lucene version) do not apply to the cluster
        properties.keySet().removeIf(key -> key.startsWith("hibernate.search.backend."));
        properties.put("hibernate.search.backend.type", "elasticsearch");
        properties.put("hibernate.search.backend.uris", String.join(",", cluster.uris()));
        if (!cluster.username().isBlank()) {
            properties.put("hibernate.search.backend.username", cluster.username());
            properties.put("hibernate.search.backend.password", cluster.password());
        }
        properties.put("hibernate.search.backend.version", cluster.version());
        properties.put("hibernate.search.backend.version_check.enabled", Boolean.toString(cluster.versionCheck()));
        properties.put("hibernate.search.backend.analysis.configurer", new OpenSearchAnalysis());
        properties.put("hibernate.search.backend.layout.strategy", new PrefixedIndexLayout(cluster.indexPrefix()));
        properties.put(COORDINATION, "outbox-polling");
    }
}

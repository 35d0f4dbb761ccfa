package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What each backend setting tells Hibernate Search, and the prefixed index names. */
@Tag("database-independent") // no database at all
class SearchBackendConfigurationTest {

    @Test
    void luceneKeepsTheEmbeddedIndexAndSearchableOnCommit() {
        Map<String, Object> properties = embedded();
        new SearchBackendConfiguration().searchBackend(settings(SearchSettings.Backend.LUCENE, "")).customize(properties);

        assertThat(properties).containsEntry("hibernate.search.backend.type", "lucene")
                .containsEntry("hibernate.search.backend.directory.type", "local-filesystem")
                .containsEntry(SearchBackendConfiguration.SYNCHRONIZATION, "read-sync")
                .doesNotContainKey(SearchBackendConfiguration.COORDINATION);

        // a synchronisation chosen elsewhere (the benchmark's write-sync) is kept
        Map<String, Object> chosen = embedded();
        chosen.put(SearchBackendConfiguration.SYNCHRONIZATION, "write-sync");
        new SearchBackendConfiguration().searchBackend(settings(SearchSettings.Backend.LUCENE, "")).customize(chosen);
        assertThat(chosen).containsEntry(SearchBackendConfiguration.SYNCHRONIZATION, "write-sync");
    }

    @Test
    void openSearchReplacesTheEmbeddedIndexAndCoordinatesThroughTheOutbox() {
        Map<String, Object> properties = embedded();
        new SearchBackendConfiguration().searchBackend(settings(SearchSettings.Backend.OPENSEARCH, "search"))
                .customize(properties);

        assertThat(properties).containsEntry("hibernate.search.backend.type", "elasticsearch")
                .containsEntry("hibernate.search.backend.uris", "https://a:9200,https://b:9200")
                .containsEntry("hibernate.search.backend.username", "search")
                .containsEntry("hibernate.search.backend.password", "secret")
                .containsEntry("hibernate.search.backend.version", "opensearch:2.19")
                .containsEntry(SearchBackendConfiguration.COORDINATION, "outbox-polling")
                .doesNotContainKeys("hibernate.search.backend.directory.type", "hibernate.search.backend.lucene_version",
                        SearchBackendConfiguration.SYNCHRONIZATION);
        assertThat(properties.get("hibernate.search.backend.analysis.configurer")).isInstanceOf(OpenSearchAnalysis.class);

        // no user: no authentication at all
        Map<String, Object> anonymous = embedded();
        new SearchBackendConfiguration().searchBackend(settings(SearchSettings.Backend.OPENSEARCH, " "))
                .customize(anonymous);
        assertThat(anonymous).doesNotContainKeys("hibernate.search.backend.username", "hibernate.search.backend.password");
    }

    @Test
    void indexNamesCarryThePrefixAndAreToldApart() {
        PrefixedIndexLayout layout = new PrefixedIndexLayout("studio-");
        assertThat(layout.createInitialElasticsearchIndexName("article")).isEqualTo("studio-article-000001");
        assertThat(layout.createReadAlias("article")).isEqualTo("studio-article-read");
        assertThat(layout.createWriteAlias("ticket")).isEqualTo("studio-ticket-write");
        assertThat(layout.extractUniqueKeyFromHibernateSearchIndexName("ticket")).isEqualTo("studio-ticket");
        assertThat(layout.extractUniqueKeyFromElasticsearchIndexName("studio-ticket-000002")).isEqualTo("studio-ticket");
        assertThat(layout.extractUniqueKeyFromElasticsearchIndexName("studio-ticket")).isNull();
        assertThat(settings(SearchSettings.Backend.OPENSEARCH, "search").toString()).doesNotContain("secret");
    }

    private static Map<String, Object> embedded() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.search.backend.directory.type", "local-filesystem");
        properties.put("hibernate.search.backend.lucene_version", "9.12");
        return properties;
    }

    private static SearchSettings settings(SearchSettings.Backend backend, String username) {
        return new SearchSettings(backend, new SearchSettings.OpenSearch(List.of("https://a:9200", "https://b:9200"),
                username, "secret", "opensearch:2.19", true, "playerdesk-"));
    }
}

package org.playerdesk.knowledge.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search index lives ({@code playerdesk.search.*}, docs/search-cluster.md): {@code lucene},
 * the default, an index of this node's own in its data folder (one node); {@code opensearch}, one
 * index shared by every node on an OpenSearch cluster, fed through an outbox table in the database.
 */
@ConfigurationProperties("playerdesk.search")
public record SearchSettings(@DefaultValue("lucene") Backend backend, @DefaultValue OpenSearch opensearch) {

    public enum Backend {
        LUCENE, OPENSEARCH
    }

    /**
     * The cluster: its URIs ({@code http://} or {@code https://}), the user and password of basic
     * authentication (none when the user is empty), the version spoken to it, the prefix of the
     * index names (several installations may share a cluster).
     */
    public record OpenSearch(@DefaultValue("http://127.0.0.1:9200") List<String> uris, @DefaultValue("") String username,
            @DefaultValue("") String password, @DefaultValue("opensearch:2.19") String version,
            @DefaultValue("true") boolean versionCheck, @DefaultValue("playerdesk-") String indexPrefix) {

        @Override
        public String toString() {
            return "OpenSearch[uris=" + uris + ", username=" + username + ", version=" + version + ", indexPrefix="
                    + indexPrefix + "]";
        }
    }
}

package org.playerdesk.knowledge.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Hibernate Search's usual layout (an index {@code <name>-000001} behind the aliases
 * {@code <name>-write} and {@code <name>-read}, so that a new index can be built beside the old
 * one) with the names prefixed, so that several installations can share one cluster.
 */
final class PrefixedIndexLayout implements IndexLayoutStrategy {

    private static final Pattern UNIQUE_KEY = Pattern.compile("(.*)-\\d{6}");

    private final String prefix;

    PrefixedIndexLayout(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-000001";
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        Matcher matcher = UNIQUE_KEY.matcher(elasticsearchIndexName);
        return matcher.matches() ? matcher.group(1) : null;
    }
}

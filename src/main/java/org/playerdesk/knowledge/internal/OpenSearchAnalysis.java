package org.playerdesk.knowledge.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link SearchAnalysis} on OpenSearch, under the same names, made of what the
 * engine ships (its analysis-common module): smartcn's dictionary segmentation is a plugin
 * OpenSearch does not bundle, so {@code chinese} cuts Chinese into single characters and pairs of
 * characters (cjk_width folds full-width forms first) and stems English words as smartcn does;
 * {@code english} and {@code cjk_bigrams} are the engine's own analyzers of those names, the same
 * Lucene classes the embedded index uses. Synonyms are applied at query time on both backends.
 */
public class OpenSearchAnalysis implements ElasticsearchAnalysisConfigurer {

    static final String CHARACTERS_AND_PAIRS = "cjk_characters_and_pairs";

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter(CHARACTERS_AND_PAIRS).type("cjk_bigram").param("output_unigrams", true);
        context.analyzer(SearchAnalysis.CHINESE).custom().tokenizer("standard")
                .tokenFilters("cjk_width", "lowercase", CHARACTERS_AND_PAIRS, "porter_stem");
        context.analyzer(SearchAnalysis.ENGLISH).type("english");
        context.analyzer(SearchAnalysis.BIGRAMS).type("cjk");
    }
}

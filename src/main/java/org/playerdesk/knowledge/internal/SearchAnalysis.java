package org.playerdesk.knowledge.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the search index: smartcn splits Chinese into words (and stems English words
 * too), the English one stems and drops English stop words. Named in the configuration as
 * {@code hibernate.search.backend.analysis.configurer}.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

    public static final String CHINESE = "chinese";
    public static final String ENGLISH = "english";
    public static final String BIGRAMS = "cjk_bigrams";

    /** Words too common in players' messages to say anything about the topic. */
    private static final Set<String> COMMON = Set.of("的", "了", "我", "你", "是", "在", "吗", "呢", "啊", "吧", "和",
            "有", "就", "都", "也", "这", "那", "个", "么", "请", "帮", "一下", "怎么", "什么", "为什么", "如何",
            "a", "an", "the", "i", "my", "me", "is", "are", "to", "of", "and", "it", "in", "on", "for", "do", "can",
            "how", "what", "why", "pleas", "help", "please");

    private static final Analyzer WORDS = new SmartChineseAnalyzer();

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(CHINESE).instance(new SmartChineseAnalyzer());
        context.analyzer(ENGLISH).instance(new EnglishAnalyzer());
        context.analyzer(BIGRAMS).instance(new CJKAnalyzer());
    }

    /**
     * The distinct words of a text as smartcn sees them, without punctuation and the most common
     * words: what the confidence of a match and the classifier count.
     */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = WORDS.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (!COMMON.contains(word) && word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}

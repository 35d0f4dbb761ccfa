package org.playerdesk.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.playerdesk.knowledge.internal.Article;
import org.playerdesk.knowledge.internal.SearchAnalysis;
import org.playerdesk.knowledge.internal.SynonymBook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.persistence.EntityManager;

/**
 * Finds published articles of a game: Chinese words (smartcn) and English words (stemmed, with
 * one typo forgiven in words of four letters or more), the game's synonyms, titles weighing more
 * than bodies. The help center, the ticket form's suggestions, the bot and the console ask here.
 */
@Service
@Transactional(readOnly = true)
public class ArticleSearch {

    public static final int QUERY_MAX = 200;
    public static final int LIMIT_MAX = 50;
    /** About how long a hit's passage is, in characters. */
    static final int SNIPPET = 120;

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");

    private final EntityManager entityManager;
    private final SynonymBook synonyms;
    /** Titles are few and change rarely: their words are kept rather than cut again for every hit. */
    private final Cache<String, Set<String>> wordsOfTitles = Caffeine.newBuilder().maximumSize(50_000).build();

    ArticleSearch(EntityManager entityManager, SynonymBook synonyms) {
        this.entityManager = entityManager;
        this.synonyms = synonyms;
    }

    /**
     * The best matches, best first. {@code locale} null means every language; internal articles
     * only when {@code withInternal} (staff).
     */
    public List<ArticleHit> search(UUID gameId, String locale, String query, boolean withInternal, int limit) {
        return search(gameId, locale, query, withInternal, limit, true);
    }

    /**
     * {@code highlight}: whether the hits carry a passage with the matches marked (the bot, which
     * shows none, does without).
     */
    private List<ArticleHit> search(UUID gameId, String locale, String query, boolean withInternal, int limit,
            boolean highlight) {
        String text = query == null ? "" : query.strip();
        if (text.length() > QUERY_MAX) {
            text = text.substring(0, QUERY_MAX);
        }
        if (text.isEmpty() || SearchAnalysis.words(text).isEmpty()) {
            return List.of();
        }
        String asked = text;
        Set<String> alternatives = synonyms.alternatives(gameId, asked);
        String latin = latinWords(asked);
        SearchSession session = Search.session(entityManager);
        SearchPredicate where = predicate(session, gameId, locale, withInternal, asked, alternatives, latin);
        // fetchHits: no exact total count, so Lucene may skip documents that cannot reach the top
        List<List<?>> rows = highlight
                ? session.search(Article.class)
                        .select(f -> f.composite().from(f.id(UUID.class), f.score(), f.field("title_zh", String.class),
                                f.field("audience", String.class), f.field("body_zh", String.class)).asList())
                        .where(where)
                        .fetchHits(Math.clamp(limit, 1, LIMIT_MAX))
                : session.search(Article.class)
                        .select(f -> f.composite().from(f.id(UUID.class), f.score(), f.field("title_zh", String.class),
                                f.field("audience", String.class)).asList())
                        .where(where)
                        .fetchHits(Math.clamp(limit, 1, LIMIT_MAX));
        Set<String> askedWords = new HashSet<>(SearchAnalysis.words(asked + " " + String.join(" ", alternatives)));
        List<ArticleHit> hits = new ArrayList<>();
        for (List<?> row : rows) {
            String title = (String) row.get(2);
            String passage = highlight ? Passage.of((String) row.get(4), askedWords, SNIPPET) : "";
            hits.add(new ArticleHit((UUID) row.get(0), gameId, Audience.of((String) row.get(3)), title, passage,
                    (Float) row.get(1), confidence(title, askedWords)));
        }
        return hits;
    }

    private static SearchPredicate predicate(SearchSession session, UUID gameId, String locale, boolean withInternal,
            String asked, Set<String> alternatives, String latin) {
        var f = session.scope(Article.class).predicate();
        return f.bool().with(b -> {
            b.filter(f.match().field("gameId").matching(gameId));
            if (locale != null) {
                b.filter(f.match().field("locale").matching(locale));
            }
            if (!withInternal) {
                b.filter(f.match().field("audience").matching(Audience.PUBLIC.code()));
            }
            b.must(f.bool().with(words -> {
                words.should(f.match().field("title_zh").boost(3f).field("body_zh").matching(asked));
                if (CJK.matcher(asked).find()) {
                    // bigrams catch what smartcn segmented differently; a Latin-only query has none to catch
                    words.should(f.match().field("title_cjk").boost(3f).field("body_cjk").matching(asked)
                            .boost(0.5f));
                }
                for (String alternative : alternatives) {
                    words.should(f.match().field("title_zh").boost(3f).field("body_zh").matching(alternative)
                            .boost(0.8f));
                }
                if (!latin.isEmpty()) {
                    words.should(f.match().field("title_en").boost(3f).field("body_en").matching(latin)
                            .fuzzy(1, 1).boost(0.5f));
                }
            }));
        }).toPredicate();
    }

    /** The article that most confidently answers a player's text, if one reaches {@code threshold}. */
    public Optional<ArticleHit> answer(UUID gameId, String locale, String text, double threshold) {
        return search(gameId, locale, text, false, 5, false).stream()
                .filter(hit -> hit.confidence() >= threshold)
                .max((a, b) -> Double.compare(a.confidence(), b.confidence()));
    }

    /** The share of the title's words that the query (with synonyms) contains. */
    double confidence(String title, Set<String> askedWords) {
        Set<String> titleWords = wordsOfTitles.get(title, SearchAnalysis::words);
        if (titleWords.isEmpty()) {
            return 0;
        }
        long found = titleWords.stream().filter(askedWords::contains).count();
        return (double) found / titleWords.size();
    }

    private static String latinWords(String text) {
        StringBuilder words = new StringBuilder();
        Matcher matcher = LATIN_WORD.matcher(text);
        while (matcher.find()) {
            words.append(words.isEmpty() ? "" : " ").append(matcher.group());
        }
        return words.toString();
    }
}

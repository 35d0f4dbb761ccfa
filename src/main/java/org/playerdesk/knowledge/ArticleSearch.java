package org.playerdesk.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.knowledge.internal.Article;
import org.playerdesk.knowledge.internal.ArticleVectors;
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
    private final TextEmbeddings embeddings;
    private final ArticleVectors vectors;
    private final Glossary glossary;
    /** Titles are few and change rarely: their words are kept rather than cut again for every hit. */
    private final Cache<String, Set<String>> wordsOfTitles = Caffeine.newBuilder().maximumSize(50_000).build();
    private final Cache<UUID, String> languageOfArticles = Caffeine.newBuilder().maximumSize(100_000).build();

    ArticleSearch(EntityManager entityManager, SynonymBook synonyms, TextEmbeddings embeddings,
            ArticleVectors vectors, Glossary glossary) {
        this.entityManager = entityManager;
        this.synonyms = synonyms;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.glossary = glossary;
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
     * shows none, does without). {@code locale} is the reader's language: its articles come first
     * among equals, but an article in another language that answers is still found.
     */
    private List<ArticleHit> search(UUID gameId, String locale, String query, boolean withInternal, int limit,
            boolean highlight) {
        int wanted = Math.clamp(limit, 1, LIMIT_MAX);
        Found found = find(gameId, locale, query, withInternal, wanted, highlight);
        List<ArticleHit> hits = new ArrayList<>();
        for (Meaning.Fused fused : found.fused()) {
            if (hits.size() == wanted) {
                break;
            }
            String passage = highlight ? Passage.of(fused.body(), found.askedWords(), SNIPPET) : "";
            hits.add(new ArticleHit(fused.id(), gameId, fused.audience(), fused.title(), passage, (float) fused.score(),
                    fused.confidence()));
        }
        return hits;
    }

    /** The fused candidates, best first, and the words of the question (with synonyms and the glossary's). */
    record Found(List<Meaning.Fused> fused, Set<String> askedWords) {
    }

    Found find(UUID gameId, String locale, String query, boolean withInternal, int wanted, boolean highlight) {
        String text = query == null ? "" : query.strip();
        if (text.length() > QUERY_MAX) {
            text = text.substring(0, QUERY_MAX);
        }
        if (text.isEmpty() || SearchAnalysis.words(text).isEmpty()) {
            return new Found(List.of(), Set.of());
        }
        String asked = text;
        Set<String> alternatives = synonyms.alternatives(gameId, asked);
        Set<String> bridge = glossary.counterparts(asked);
        String latin = latinWords(asked);
        SearchSession session = Search.session(entityManager);
        SearchPredicate where = predicate(session, gameId, withInternal, asked, alternatives, bridge, latin);
        // fetchHits: no exact total count, so Lucene may skip documents that cannot reach the top
        List<List<?>> rows = highlight
                ? session.search(Article.class)
                        .select(f -> f.composite().from(f.id(UUID.class), f.score(), f.field("title_zh", String.class),
                                f.field("audience", String.class), f.field("body_zh", String.class)).asList())
                        .where(where)
                        .fetchHits(Math.max(wanted, Meaning.CANDIDATES))
                : session.search(Article.class)
                        .select(f -> f.composite().from(f.id(UUID.class), f.score(), f.field("title_zh", String.class),
                                f.field("audience", String.class)).asList())
                        .where(where)
                        .fetchHits(Math.max(wanted, Meaning.CANDIDATES));
        // each part cut on its own: smartcn cuts a sentence by its context, and the words added
        // after it must not change how the player's own words are cut
        Set<String> askedWords = new HashSet<>(SearchAnalysis.words(asked));
        askedWords.addAll(SearchAnalysis.words(String.join(" ", alternatives)));
        askedWords.addAll(SearchAnalysis.words(String.join(" ", bridge)));
        Map<UUID, String> languages = locale == null ? Map.of()
                : languages(rows.stream().map(r -> (UUID) r.get(0)).toList());
        List<Meaning.Candidate> byWords = new ArrayList<>();
        for (List<?> row : rows) {
            byWords.add(new Meaning.Candidate((UUID) row.get(0), languages.get((UUID) row.get(0)),
                    Audience.of((String) row.get(3)), (String) row.get(2), highlight ? (String) row.get(4) : null,
                    (Float) row.get(1)));
        }
        List<ArticleVectors.Near> byMeaning = List.of();
        ToDoubleFunction<UUID> answers = id -> Double.NaN;
        Optional<float[]> vector = vectors.any(gameId) ? embeddings.embed(asked) : Optional.empty();
        if (vector.isPresent()) {
            byMeaning = vectors.nearest(gameId, vector.get(), withInternal ? null : Audience.PUBLIC.code(),
                    Meaning.CANDIDATES);
            answers = vectors.answerChances(gameId, vector.get());
        }
        return new Found(Meaning.fuse(byWords, byMeaning, locale, title -> confidence(title, askedWords), answers),
                askedWords);
    }

    private static SearchPredicate predicate(SearchSession session, UUID gameId, boolean withInternal,
            String asked, Set<String> alternatives, Set<String> bridge, String latin) {
        var f = session.scope(Article.class).predicate();
        return f.bool().with(b -> {
            b.filter(f.match().field("gameId").matching(gameId));
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
                if (!bridge.isEmpty()) {
                    // the other language's words for the query's terms (the glossary): an English
                    // question meets a Chinese article, and the reverse
                    String other = String.join(" ", bridge);
                    words.should(f.match().field("title_zh").boost(3f).field("body_zh").matching(other).boost(0.6f));
                    words.should(f.match().field("title_en").boost(3f).field("body_en").matching(other).boost(0.6f));
                }
                if (!latin.isEmpty()) {
                    words.should(f.match().field("title_en").boost(3f).field("body_en").matching(latin)
                            .fuzzy(1, 1).boost(0.5f));
                }
            }));
        }).toPredicate();
    }

    /**
     * The article that most confidently answers a player's text, if one reaches {@code threshold}:
     * the confidence is the chance that the article is the right answer, as the game's answer model
     * tells it (or, without one, as estimated from the meaning and the words: {@link Meaning}), so a
     * threshold of 0.9 means that about nine offers in ten are right.
     */
    public Optional<ArticleHit> answer(UUID gameId, String locale, String text, double threshold) {
        return search(gameId, locale, text, false, 5, false).stream()
                .filter(hit -> hit.confidence() >= threshold)
                .max((a, b) -> Double.compare(a.confidence(), b.confidence()));
    }

    /** The language of each article (which never changes), kept once read. */
    private Map<UUID, String> languages(List<UUID> ids) {
        Map<UUID, String> known = new HashMap<>(languageOfArticles.getAllPresent(ids));
        List<UUID> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            entityManager.createQuery("select a.id, a.locale from Article a where a.id in :ids", Object[].class)
                    .setParameter("ids", missing).getResultList().forEach(row -> {
                        known.put((UUID) row[0], (String) row[1]);
                        languageOfArticles.put((UUID) row[0], (String) row[1]);
                    });
        }
        return known;
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

package org.playerdesk.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The search benchmark's breakdown of an article query: the same queries built up one part at a
 * time (smartcn words, CJK bigrams, fuzzy English, highlighting, an exact total count), so that
 * what each part costs can be read off.
 */
final class ArticleQueryParts {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{4,}");

    private ArticleQueryParts() {
    }

    static Map<String, long[]> measure(EntityManagerFactory factory, UUID gameId, String[] queries,
            BiFunction<Integer, IntConsumer, long[]> time) {
        Map<String, long[]> parts = new LinkedHashMap<>();
        try (EntityManager entityManager = factory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            for (int level = 1; level <= 5; level++) {
                int upTo = level;
                parts.put(name(level), time.apply(2000, i -> run(session, gameId, queries[i % queries.length], upTo)));
            }
        }
        return parts;
    }

    private static String name(int level) {
        return switch (level) {
            case 1 -> "smartcn words (title ×3, body), ids and titles only";
            case 2 -> "+ CJK bigrams";
            case 3 -> "+ fuzzy English (one edit)";
            case 4 -> "+ the body for the passage (marked in Java)";
            default -> "+ exact total hit count";
        };
    }

    private static void run(SearchSession session, UUID gameId, String asked, int level) {
        var f = session.scope(Article.class).predicate();
        String latin = latin(asked);
        SearchPredicate where = f.bool().with(b -> {
            b.filter(f.match().field("gameId").matching(gameId));
            b.filter(f.match().field("audience").matching("public"));
            b.must(f.bool().with(words -> {
                words.should(f.match().field("title_zh").boost(3f).field("body_zh").matching(asked));
                if (level >= 2) {
                    words.should(f.match().field("title_cjk").boost(3f).field("body_cjk").matching(asked).boost(0.5f));
                }
                if (level >= 3 && !latin.isEmpty()) {
                    words.should(f.match().field("title_en").boost(3f).field("body_en").matching(latin).fuzzy(1, 1)
                            .boost(0.5f));
                }
            }));
        }).toPredicate();
        if (level >= 4) {
            var query = session.search(Article.class)
                    .select(p -> p.composite().from(p.id(UUID.class), p.score(), p.field("title_zh", String.class),
                            p.field("body_zh", String.class)).asList())
                    .where(where);
            List<List<?>> hits = level >= 5 ? query.fetch(10).hits() : query.fetchHits(10);
            hits.size();
        } else {
            session.search(Article.class)
                    .select(p -> p.composite().from(p.id(UUID.class), p.score(), p.field("title_zh", String.class))
                            .asList())
                    .where(where).fetchHits(10);
        }
    }

    private static String latin(String text) {
        StringBuilder words = new StringBuilder();
        Matcher matcher = LATIN_WORD.matcher(text);
        while (matcher.find()) {
            words.append(words.isEmpty() ? "" : " ").append(matcher.group());
        }
        return words.toString();
    }
}

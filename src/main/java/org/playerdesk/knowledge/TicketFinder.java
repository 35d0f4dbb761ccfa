package org.playerdesk.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.playerdesk.knowledge.internal.TicketDocument;
import org.playerdesk.ticket.TicketTextSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * Full-text search over tickets for the console: subject, messages and the player's nickname, in
 * Chinese and English, within the games the reader serves. It is also the inbox's
 * {@link TicketTextSearch}: the words in the inbox's search box are looked up here.
 */
@Service
@Transactional(readOnly = true)
public class TicketFinder implements TicketTextSearch {

    private final EntityManager entityManager;

    TicketFinder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** {@code gameScope} null: every game (administrators). */
    public List<TicketHit> find(Set<UUID> gameScope, String query, int limit) {
        String asked = asked(query);
        if (asked == null || (gameScope != null && gameScope.isEmpty())) {
            return List.of();
        }
        SearchSession session = Search.session(entityManager);
        List<List<?>> rows = session.search(TicketDocument.class)
                .select(f -> f.composite().from(f.id(UUID.class), f.field("number", Long.class),
                        f.field("subject_zh", String.class), f.score()).asList())
                .where(predicate(session, gameScope, asked, false))
                .fetchHits(Math.clamp(limit, 1, ArticleSearch.LIMIT_MAX));
        return rows.stream().map(row -> new TicketHit((UUID) row.get(0), (Long) row.get(1), (String) row.get(2),
                (Float) row.get(3))).toList();
    }

    /**
     * The inbox's search box: ids only, best first, no document loaded. Unlike the ranked search
     * above, every word must be found (in the subject, the messages or the nickname), as an inbox
     * filter narrows rather than ranks.
     */
    @Override
    public Set<UUID> matching(Set<UUID> gameScope, String words, int limit) {
        String asked = asked(words);
        if (asked == null || (gameScope != null && gameScope.isEmpty())) {
            return Set.of();
        }
        SearchSession session = Search.session(entityManager);
        List<UUID> ids = session.search(TicketDocument.class).select(f -> f.id(UUID.class))
                .where(predicate(session, gameScope, asked, true)).fetchHits(Math.clamp(limit, 1, TicketTextSearch.LIMIT));
        return new LinkedHashSet<>(ids);
    }

    private static String asked(String query) {
        String text = query == null ? "" : query.strip();
        if (text.length() > ArticleSearch.QUERY_MAX) {
            text = text.substring(0, ArticleSearch.QUERY_MAX);
        }
        return Words.of(text).isEmpty() ? null : text;
    }

    /** {@code allWords}: every word must be found in one field; otherwise any, ranked by how many. */
    private static SearchPredicate predicate(SearchSession session, Set<UUID> gameScope, String asked,
            boolean allWords) {
        var f = session.scope(TicketDocument.class).predicate();
        return f.bool().with(b -> {
            if (gameScope != null) {
                b.filter(f.terms().field("gameId").matchingAny(gameScope));
            }
            b.must(f.bool().with(words -> {
                var chinese = f.match().field("subject_zh").boost(3f).field("messages_zh").matching(asked);
                var english = f.match().field("subject_en").boost(3f).field("messages_en").matching(asked).boost(0.5f);
                var nickname = f.match().field("nickname").matching(asked).boost(2f);
                if (allWords) {
                    chinese.minimumShouldMatchPercent(100);
                    english.minimumShouldMatchPercent(100);
                    nickname.minimumShouldMatchPercent(100);
                }
                words.should(chinese).should(english).should(nickname);
            }));
        }).toPredicate();
    }
}

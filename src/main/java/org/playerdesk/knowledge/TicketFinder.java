package org.playerdesk.knowledge;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.search.mapper.orm.Search;
import org.playerdesk.knowledge.internal.TicketDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * Full-text search over tickets for the console: subject, messages and the player's nickname, in
 * Chinese and English, within the games the reader serves.
 */
@Service
@Transactional(readOnly = true)
public class TicketFinder {

    private final EntityManager entityManager;

    TicketFinder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** {@code gameScope} null: every game (administrators). */
    public List<TicketHit> find(Set<UUID> gameScope, String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.length() > ArticleSearch.QUERY_MAX) {
            text = text.substring(0, ArticleSearch.QUERY_MAX);
        }
        if (Words.of(text).isEmpty() || (gameScope != null && gameScope.isEmpty())) {
            return List.of();
        }
        String asked = text;
        List<List<?>> rows = Search.session(entityManager).search(TicketDocument.class)
                .select(f -> f.composite().from(f.id(UUID.class), f.field("number", Long.class),
                        f.field("subject_zh", String.class), f.score()).asList())
                .where(f -> f.bool().with(b -> {
                    if (gameScope != null) {
                        b.filter(f.terms().field("gameId").matchingAny(gameScope));
                    }
                    b.must(f.bool().with(words -> {
                        words.should(f.match().field("subject_zh").boost(3f).field("messages_zh").matching(asked));
                        words.should(f.match().field("subject_en").boost(3f).field("messages_en").matching(asked)
                                .boost(0.5f));
                        words.should(f.match().field("nickname").matching(asked).boost(2f));
                    }));
                }))
                .fetchHits(Math.clamp(limit, 1, ArticleSearch.LIMIT_MAX));
        return rows.stream().map(row -> new TicketHit((UUID) row.get(0), (Long) row.get(1), (String) row.get(2),
                (Float) row.get(3))).toList();
    }
}

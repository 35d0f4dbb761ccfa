package org.playerdesk.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * Articles by id, as other modules show them in a list (training courses): the published title, or
 * the draft's while an article was never published, its game and audience. The article itself is
 * read on its console page. Asked through the persistence context, so that an article written
 * earlier in the same transaction is found.
 */
@Service
@Transactional(readOnly = true)
public class ArticleTitles {

    /** An article as a list shows it. */
    public record ArticleTitle(UUID id, UUID gameId, Audience audience, String title, boolean published) {
    }

    private final EntityManager entities;

    ArticleTitles(EntityManager entities) {
        this.entities = entities;
    }

    /** Those of the articles that exist, by id. */
    public Map<UUID, ArticleTitle> of(Collection<UUID> ids) {
        Map<UUID, ArticleTitle> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<org.playerdesk.knowledge.internal.Article> articles = entities.createQuery(
                "select a from Article a where a.id in :ids", org.playerdesk.knowledge.internal.Article.class)
                .setParameter("ids", ids).getResultList();
        for (var a : articles) {
            found.put(a.getId(), new ArticleTitle(a.getId(), a.gameId(), a.audience(),
                    a.published() ? a.title() : a.draftTitle(), a.published()));
        }
        return found;
    }
}

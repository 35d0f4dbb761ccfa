package org.playerdesk.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles by id, as other modules show them in a list (training courses): the published title, or
 * the draft's while an article was never published, its game and audience. The article itself is
 * read on its console page.
 */
@Service
@Transactional(readOnly = true)
public class ArticleTitles {

    /** An article as a list shows it. */
    public record ArticleTitle(UUID id, UUID gameId, Audience audience, String title, boolean published) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ArticleTitles(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Those of the articles that exist, by id. */
    public Map<UUID, ArticleTitle> of(Collection<UUID> ids) {
        Map<UUID, ArticleTitle> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<ArticleTitle> rows = jdbc.query("select id, game_id, audience, coalesce(title, draft_title), "
                + "published_at is not null from kb_article where id in (:ids)", Map.of("ids", ids),
                (row, n) -> new ArticleTitle(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        Audience.of(row.getString(3)), row.getString(4), row.getBoolean(5)));
        rows.forEach(row -> found.put(row.id(), row));
        return found;
    }
}

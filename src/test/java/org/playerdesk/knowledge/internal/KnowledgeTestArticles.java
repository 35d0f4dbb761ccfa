package org.playerdesk.knowledge.internal;

import java.util.UUID;

import org.playerdesk.game.GameInfo;
import org.springframework.boot.test.context.TestConfiguration;

/** Test articles, written and published the way the console does it. */
@TestConfiguration
public class KnowledgeTestArticles {

    private final KnowledgeBase knowledge;

    KnowledgeTestArticles(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public UUID publish(GameInfo game, String locale, String title, String body) {
        return write(game, locale, "public", title, body, true);
    }

    public UUID publishInternal(GameInfo game, String locale, String title, String body) {
        return write(game, locale, "internal", title, body, true);
    }

    public UUID draft(GameInfo game, String locale, String title, String body) {
        return write(game, locale, "public", title, body, false);
    }

    public void unpublish(UUID article) {
        knowledge.unpublish(article, "tester");
    }

    private UUID write(GameInfo game, String locale, String audience, String title, String body, boolean publish) {
        return knowledge.create(game.id(), new ArticleForm(locale, "", audience, false, title, body, "", null), "tester",
                publish).getId();
    }
}

package org.playerdesk.knowledge;

import java.util.List;
import java.util.UUID;

import org.playerdesk.knowledge.internal.KnowledgeBase;
import org.playerdesk.knowledge.internal.SynonymBook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles and synonyms written from outside the editor (the demo workspace, imports): the same
 * checks as in the console. An article whose title already exists in the game is left alone, so
 * running an import twice adds nothing.
 */
@Service
@Transactional
public class KnowledgeImport {

    private final KnowledgeBase knowledge;
    private final SynonymBook synonyms;

    KnowledgeImport(KnowledgeBase knowledge, SynonymBook synonyms) {
        this.knowledge = knowledge;
        this.synonyms = synonyms;
    }

    /** Publishes an article in the named category (made when missing); returns its id. */
    public UUID publish(UUID gameId, String locale, String category, Audience audience, boolean announcement,
            String title, String body, String by) {
        return publish(gameId, locale, category, audience, announcement, title, body, List.of(), by);
    }

    /**
     * Publishes an article with its similar questions, in the named category (made when missing);
     * an article of that title already there is left as it is, with the questions it has.
     */
    public UUID publish(UUID gameId, String locale, String category, Audience audience, boolean announcement,
            String title, String body, List<String> questions, String by) {
        return knowledge.importArticle(gameId, locale, category, audience, announcement, title, body, questions, by);
    }

    public void replaceSynonyms(UUID gameId, String groups) {
        synonyms.replace(gameId, groups);
    }
}

package org.playerdesk.knowledge.internal;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Builds the search index from the database when the index is empty but the database is not:
 * on a new node, after the index directory was deleted, or after an upgrade that changed it.
 * Changes after that are indexed as they are committed.
 */
@Component
class SearchIndexStartup {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);

    private final EntityManagerFactory entityManagers;
    private final ArticleRepository articles;
    private final TicketDocumentRepository tickets;
    private final TransactionTemplate transactions;

    SearchIndexStartup(EntityManagerFactory entityManagers, ArticleRepository articles,
            TicketDocumentRepository tickets, TransactionTemplate transactions) {
        this.entityManagers = entityManagers;
        this.articles = articles;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexIfEmpty() throws InterruptedException {
        indexIfEmpty(Article.class, articles.count());
        indexIfEmpty(TicketDocument.class, tickets.count());
    }

    private void indexIfEmpty(Class<?> type, long stored) throws InterruptedException {
        if (stored == 0) {
            return;
        }
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            long indexed = transactions.execute(status -> Search.session(entityManager).search(type)
                    .where(f -> f.matchAll()).fetchTotalHitCount());
            if (indexed == 0) {
                log.info("Search index is empty: indexing {} {}", stored, type.getSimpleName());
                Search.session(entityManager).massIndexer(type).threadsToLoadObjects(1).startAndWait();
            }
        }
    }
}

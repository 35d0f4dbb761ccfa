package org.playerdesk.system.database;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.persistence.EntityManager;

/**
 * For a read with plain SQL of rows that entities also write (a hot read, where loading the entity
 * costs several times the query): in a transaction that writes, what it changed through its
 * entities so far is written first, as the entity manager would before a query of its own, so
 * that the read sees this transaction's changes.
 */
@Component
public class SqlReads {

    private final EntityManager entities;

    SqlReads(EntityManager entities) {
        this.entities = entities;
    }

    /** Writes this transaction's pending entity changes, if it is one that writes. */
    public void flushPending() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            entities.flush();
        }
    }
}

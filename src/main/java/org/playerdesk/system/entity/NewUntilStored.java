package org.playerdesk.system.entity;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/**
 * An entity that knows whether it is new: made in code, it is new until persisted; loaded, it is
 * not. Spring Data then inserts it at once instead of merging it (a read before every insert),
 * which it would do for any entity whose id is set before it is stored: every {@link StoredEntity},
 * and rows keyed by something given (a row about one ticket, keyed by the ticket's id). Such a row
 * is made only where a read found none: a second insert of the same id fails as a duplicate, as it
 * should, instead of overwriting.
 */
@MappedSuperclass
public abstract class NewUntilStored<ID> implements Persistable<ID> {

    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }
}

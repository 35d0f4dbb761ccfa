package org.playerdesk.system.entity;

import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/**
 * An entity whose id is given rather than made (a row about one ticket, keyed by the ticket's id).
 * Spring Data cannot tell from such an id whether the row is new, and would merge it: a read before
 * every insert. Made in code, it is new until persisted; loaded, it is not. Made only where a read
 * found no row (a second insert of the same id fails as a duplicate, as it should).
 */
@MappedSuperclass
public abstract class GivenIdEntity implements Persistable<UUID> {

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

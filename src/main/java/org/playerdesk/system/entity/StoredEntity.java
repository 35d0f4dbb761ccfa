package org.playerdesk.system.entity;

import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/**
 * Base of every stored entity: the id is made in the application ({@link Ids}), and the entity
 * knows whether it is new, so that saving it inserts at once instead of selecting first.
 */
@MappedSuperclass
public abstract class StoredEntity implements Persistable<UUID> {

    @Id
    private UUID id = Ids.next();

    @Transient
    private boolean fresh = true;

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof StoredEntity entity && getClass() == entity.getClass() && id.equals(entity.id));
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}

package org.playerdesk.system.entity;

import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Base of every stored entity: the id is made in the application ({@link Ids}), and the entity
 * knows whether it is new, so that saving it inserts at once instead of selecting first.
 */
@MappedSuperclass
public abstract class StoredEntity extends NewUntilStored<UUID> {

    @Id
    private UUID id = Ids.next();

    @Override
    public UUID getId() {
        return id;
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

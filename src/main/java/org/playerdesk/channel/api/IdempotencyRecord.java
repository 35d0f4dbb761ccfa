package org.playerdesk.channel.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * The ticket an {@code Idempotency-Key} created, and the hash of the request that created it.
 * The primary key (game, key) is what settles concurrent retries: only one of them can store it.
 */
@Entity
@Table(name = "api_idempotency")
class IdempotencyRecord implements Persistable<IdempotencyRecord.Key> {

    @Embeddable
    record Key(UUID gameId, @Column(name = "idem_key") String idemKey) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    private String requestHash;
    private UUID ticketId;
    private Instant createdAt;

    @Transient
    private boolean fresh = true;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(Key key, String requestHash, UUID ticketId, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.ticketId = ticketId;
        this.createdAt = createdAt;
    }

    String requestHash() {
        return requestHash;
    }

    UUID ticketId() {
        return ticketId;
    }

    @Override
    public Key getId() {
        return key;
    }

    /** Always inserted, never merged: a second record for the same key must fail, not overwrite. */
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

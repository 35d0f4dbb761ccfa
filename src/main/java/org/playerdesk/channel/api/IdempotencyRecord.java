package org.playerdesk.channel.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.NewUntilStored;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The ticket an {@code Idempotency-Key} created, and the hash of the request that created it.
 * The primary key (game, key) is what settles concurrent retries: only one of them can store it
 * (always inserted, never merged: a second record for the same key fails, it does not overwrite).
 */
@Entity
@Table(name = "api_idempotency")
class IdempotencyRecord extends NewUntilStored<IdempotencyRecord.Key> {

    @Embeddable
    record Key(UUID gameId, @Column(name = "idem_key") String idemKey) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    private String requestHash;
    private UUID ticketId;
    private Instant createdAt;

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
}

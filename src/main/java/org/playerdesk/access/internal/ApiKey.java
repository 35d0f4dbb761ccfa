package org.playerdesk.access.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.access.IssuedApiKey;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A game's API key; only the SHA-256 of the secret is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey extends StoredEntity {

    private UUID gameId;
    private String name;
    private String keyPrefix;
    private String keyHash;
    private String createdBy;
    private Instant createdAt;
    private Instant revokedAt;
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    public ApiKey(UUID gameId, String name, String keyPrefix, String keyHash, String createdBy, Instant createdAt) {
        this.gameId = gameId;
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public UUID gameId() {
        return gameId;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public IssuedApiKey issued(String secret) {
        return new IssuedApiKey(getId(), gameId, name, keyPrefix, createdBy, createdAt, revokedAt, lastUsedAt, secret);
    }
}

package org.playerdesk.game.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.ConnectorSettings;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.secrets.SealedSecret;

/** A game's connector settings; the secret stays here and is only read to sign requests. */
@Entity
@Table(name = "game_connector")
@EntityListeners(ReferenceData.Changes.class)
public class GameConnector extends StoredEntity {

    private UUID gameId;
    @Convert(converter = ConnectorKindConverter.class)
    private ConnectorKind kind;
    private String baseUrl;
    @Convert(converter = SealedSecret.class)
    private String secret;
    private Integer connectTimeoutMs;
    private Integer readTimeoutMs;
    private String updatedBy;
    private Instant updatedAt;

    protected GameConnector() {
    }

    public GameConnector(UUID gameId) {
        this.gameId = gameId;
        this.kind = ConnectorKind.NONE;
    }

    public void update(ConnectorKind kind, String baseUrl, String newSecret, Integer connectTimeoutMs,
            Integer readTimeoutMs, String by, Instant now) {
        this.kind = kind;
        this.baseUrl = baseUrl;
        if (newSecret != null) {
            this.secret = newSecret;
        }
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public ConnectorKind kind() {
        return kind;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String secret() {
        return secret;
    }

    public ConnectorSettings settings() {
        return new ConnectorSettings(kind, baseUrl, secret != null && !secret.isEmpty(),
                connectTimeoutMs == null ? null : Duration.ofMillis(connectTimeoutMs),
                readTimeoutMs == null ? null : Duration.ofMillis(readTimeoutMs));
    }

    @Override
    public String toString() {
        return "GameConnector[" + gameId + ", " + kind + ", " + baseUrl + "]";
    }
}

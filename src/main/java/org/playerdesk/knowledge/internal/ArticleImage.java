package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An image uploaded for an article; whoever may read the article may see it. */
@Entity
@Table(name = "kb_image")
public class ArticleImage extends StoredEntity {

    private UUID gameId;
    private UUID articleId;
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    private String storageKey;
    private String createdBy;
    private Instant createdAt;

    protected ArticleImage() {
    }

    ArticleImage(UUID gameId, UUID articleId, String contentType, long size, String sha256, String storageKey,
            String createdBy, Instant now) {
        this.gameId = gameId;
        this.articleId = articleId;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public UUID articleId() {
        return articleId;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    String storageKey() {
        return storageKey;
    }
}

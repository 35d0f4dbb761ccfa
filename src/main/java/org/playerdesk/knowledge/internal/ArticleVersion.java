package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One published version of an article, kept for the history. */
@Entity
@Table(name = "kb_article_version")
public class ArticleVersion extends StoredEntity {

    private UUID articleId;
    private int version;
    private String title;
    @Column(length = Article.BODY_MAX)
    private String body;
    private String publishedBy;
    private Instant publishedAt;

    protected ArticleVersion() {
    }

    ArticleVersion(Article article, String by, Instant now) {
        this.articleId = article.getId();
        this.version = article.version();
        this.title = article.title();
        this.body = article.body();
        this.publishedBy = by;
        this.publishedAt = now;
    }

    public int version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}

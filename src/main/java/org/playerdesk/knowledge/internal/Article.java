package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A knowledge article. The editor saves a draft; publishing makes the draft the text players
 * (or agents, for internal articles) read and search finds, and keeps a version for the
 * history. Only the published text is indexed, each field three ways: Chinese words (smartcn),
 * English words (stemming, typo-tolerant queries), and pairs of Chinese characters, which find
 * what smartcn happened to cut differently in the query and in the article.
 */
@Entity
@Table(name = "kb_article")
@Indexed(index = "article")
public class Article extends StoredEntity {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 50000;

    @GenericField
    private UUID gameId;

    @KeywordField
    private String locale;

    private UUID categoryId;

    @KeywordField(projectable = Projectable.YES)
    private String audience;

    @GenericField
    private boolean announcement;

    @FullTextField(name = "title_zh", analyzer = SearchAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "title_en", analyzer = SearchAnalysis.ENGLISH)
    @FullTextField(name = "title_cjk", analyzer = SearchAnalysis.BIGRAMS)
    private String title;

    @FullTextField(name = "body_zh", analyzer = SearchAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "body_en", analyzer = SearchAnalysis.ENGLISH)
    @FullTextField(name = "body_cjk", analyzer = SearchAnalysis.BIGRAMS)
    @Column(length = BODY_MAX)
    private String body;

    private String draftTitle;

    @Column(length = BODY_MAX)
    private String draftBody;

    private int version;
    private int helpful;
    private int unhelpful;
    private int deflections;
    private String updatedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kb_article_related", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "related_id")
    private Set<UUID> related = new LinkedHashSet<>();

    protected Article() {
    }

    Article(UUID gameId, String locale, Audience audience, String by, Instant now) {
        this.gameId = gameId;
        this.locale = locale;
        this.audience = audience.code();
        this.draftTitle = "";
        this.draftBody = "";
        this.updatedBy = by;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void edit(ArticleDraft draft, String by, Instant now) {
        this.locale = draft.locale();
        this.categoryId = draft.categoryId();
        this.audience = draft.audience().code();
        this.announcement = draft.announcement();
        this.draftTitle = draft.title();
        this.draftBody = draft.body();
        this.related = new LinkedHashSet<>(draft.related());
        this.related.remove(getId());
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Makes the draft the published text; returns the new version number. */
    int publish(String by, Instant now) {
        this.title = draftTitle;
        this.body = draftBody;
        this.version++;
        this.publishedAt = now;
        this.updatedBy = by;
        this.updatedAt = now;
        return version;
    }

    void unpublish(String by, Instant now) {
        this.title = null;
        this.body = null;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String locale() {
        return locale;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public Audience audience() {
        return Audience.of(audience);
    }

    public boolean announcement() {
        return announcement;
    }

    public boolean published() {
        return title != null;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String draftTitle() {
        return draftTitle;
    }

    public String draftBody() {
        return draftBody;
    }

    /** The draft differs from what is published (or nothing is published yet). */
    public boolean hasUnpublishedChanges() {
        return !draftTitle.equals(title) || !draftBody.equals(body);
    }

    public int version() {
        return version;
    }

    public int helpful() {
        return helpful;
    }

    public int unhelpful() {
        return unhelpful;
    }

    public int deflections() {
        return deflections;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Set<UUID> related() {
        return related;
    }
}

package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.knowledge.ReplyStage;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A standard phrase (标准话术) an agent inserts into a reply, with variables such as
 * {@code {player.nickname}} filled in for the ticket at hand.
 */
@Entity
@Table(name = "kb_canned_reply")
public class CannedReply extends StoredEntity {

    public static final int TITLE_MAX = 80;
    public static final int BODY_MAX = 4000;

    private UUID gameId;
    private String locale;
    private String stage;
    private String title;
    @Column(length = BODY_MAX)
    private String body;
    private Instant updatedAt;

    protected CannedReply() {
    }

    CannedReply(UUID gameId, String locale, ReplyStage stage, String title, String body, Instant now) {
        this.gameId = gameId;
        this.locale = locale;
        this.stage = stage.code();
        this.title = title;
        this.body = body;
        this.updatedAt = now;
    }

    void change(String locale, ReplyStage stage, String title, String body, Instant now) {
        this.locale = locale;
        this.stage = stage.code();
        this.title = title;
        this.body = body;
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String locale() {
        return locale;
    }

    public ReplyStage stage() {
        return ReplyStage.of(stage);
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }
}

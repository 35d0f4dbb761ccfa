package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.chat.ChatLine;
import org.playerdesk.system.entity.StoredEntity;

@Entity
@Table(name = "chat_message")
public class ChatMessage extends StoredEntity {

    public static final int BODY_MAX = 2000;

    private UUID sessionId;
    private long seq;
    private String clientId;
    private String authorKind;
    private UUID authorId;
    private String authorName;
    private String body;
    private UUID imageId;
    private Instant createdAt;
    /** What the reply checks found in an agent's line ({@link LineFindings}), until its ticket has it. */
    private String findings;

    protected ChatMessage() {
    }

    public ChatMessage(UUID sessionId, long seq, String clientId, String authorKind, String authorName, String body,
            UUID imageId, Instant now) {
        this.sessionId = sessionId;
        this.seq = seq;
        this.clientId = clientId;
        this.authorKind = authorKind;
        this.authorName = authorName;
        this.body = body;
        this.imageId = imageId;
        this.createdAt = now;
    }

    /** The member of staff who wrote an agent's line. */
    public ChatMessage by(UUID staffId) {
        authorId = staffId;
        return this;
    }

    public long seq() {
        return seq;
    }

    public boolean fromPlayer() {
        return "player".equals(authorKind);
    }

    public UUID authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public UUID imageId() {
        return imageId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String findings() {
        return findings;
    }

    public ChatLine line() {
        return new ChatLine(sessionId, seq, clientId, authorKind, authorName, body, imageId, createdAt);
    }
}

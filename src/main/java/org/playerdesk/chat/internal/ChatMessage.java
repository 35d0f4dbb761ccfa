package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.chat.ChatLine;
import org.playerdesk.system.StoredEntity;

@Entity
@Table(name = "chat_message")
public class ChatMessage extends StoredEntity {

    public static final int BODY_MAX = 2000;

    private UUID sessionId;
    private long seq;
    private String clientId;
    private String authorKind;
    private String authorName;
    private String body;
    private UUID imageId;
    private Instant createdAt;

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

    public ChatLine line() {
        return new ChatLine(sessionId, seq, clientId, authorKind, authorName, body, imageId, createdAt);
    }
}

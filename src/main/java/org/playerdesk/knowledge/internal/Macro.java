package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One action: send a reply, then set status, type, priority and tags (each only when given). */
@Entity
@Table(name = "kb_macro")
public class Macro extends StoredEntity {

    private UUID gameId;
    private String name;
    @Column(length = CannedReply.BODY_MAX)
    private String reply;
    private String status;
    private String type;
    private String priority;
    private String tags;
    private Instant updatedAt;

    protected Macro() {
    }

    Macro(UUID gameId, String name, String reply, String status, String type, String priority, List<String> tags,
            Instant now) {
        this.gameId = gameId;
        this.name = name;
        this.reply = reply;
        this.status = status;
        this.type = type;
        this.priority = priority;
        this.tags = String.join(" ", tags);
        this.updatedAt = now;
    }

    /** Takes every part of {@code checked} (a macro built and checked for this game). */
    void change(Macro checked, Instant now) {
        this.name = checked.name;
        this.reply = checked.reply;
        this.status = checked.status;
        this.type = checked.type;
        this.priority = checked.priority;
        this.tags = checked.tags;
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String name() {
        return name;
    }

    public String reply() {
        return reply;
    }

    public String status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String priority() {
        return priority;
    }

    public List<String> tags() {
        return tags.isBlank() ? List.of() : Arrays.asList(tags.split(" "));
    }
}

package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A group of articles in the help center, e.g. 账号安全 or Payments. */
@Entity
@Table(name = "kb_category")
public class Category extends StoredEntity {

    public static final int NAME_MAX = 80;

    private UUID gameId;
    private String locale;
    private String name;
    private int position;
    private Instant createdAt;

    protected Category() {
    }

    Category(UUID gameId, String locale, String name, int position, Instant now) {
        this.gameId = gameId;
        this.locale = locale;
        this.name = name;
        this.position = position;
        this.createdAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String locale() {
        return locale;
    }

    public String name() {
        return name;
    }
}

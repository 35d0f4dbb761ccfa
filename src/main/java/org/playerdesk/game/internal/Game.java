package org.playerdesk.game.internal;

import java.time.Instant;

import org.playerdesk.game.GameInfo;
import org.playerdesk.system.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "game")
public class Game extends StoredEntity {

    private String code;
    private String name;
    private String defaultLocale;
    private Instant createdAt;

    protected Game() {
    }

    public Game(String code, String name, String defaultLocale, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.defaultLocale = defaultLocale;
        this.createdAt = createdAt;
    }

    public GameInfo info() {
        return new GameInfo(getId(), code, name, defaultLocale);
    }
}

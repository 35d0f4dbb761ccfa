package org.playerdesk.game.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.playerdesk.game.GameInfo;
import org.playerdesk.game.GameProfile;
import org.playerdesk.system.entity.StoredEntity;

import org.playerdesk.system.cache.ReferenceData;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

@Entity
@Table(name = "game")
@EntityListeners(ReferenceData.Changes.class)
public class Game extends StoredEntity {

    private String code;
    private String name;
    private String defaultLocale;
    private Instant createdAt;
    private String timeZone;
    private String businessHours;
    private String channels;
    private Instant archivedAt;

    protected Game() {
    }

    public Game(String code, String name, String defaultLocale, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.defaultLocale = defaultLocale;
        this.createdAt = createdAt;
        this.timeZone = "Asia/Shanghai";
        this.businessHours = "always";
        this.channels = "in_game,web,chat,email";
    }

    public void describe(String name, String defaultLocale, String timeZone, String businessHours,
            List<String> channels) {
        this.name = name;
        this.defaultLocale = defaultLocale;
        this.timeZone = timeZone;
        this.businessHours = businessHours;
        this.channels = String.join(",", channels);
    }

    public void archive(Instant at) {
        if (archivedAt == null) {
            archivedAt = at;
        }
    }

    public void restore() {
        archivedAt = null;
    }

    public String code() {
        return code;
    }

    public GameProfile profile() {
        List<String> offered = channels == null || channels.isBlank() ? List.of()
                : Arrays.stream(channels.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        return new GameProfile(getId(), code, name, defaultLocale, timeZone, businessHours, offered, archivedAt);
    }

    public GameInfo info() {
        return new GameInfo(getId(), code, name, defaultLocale);
    }
}

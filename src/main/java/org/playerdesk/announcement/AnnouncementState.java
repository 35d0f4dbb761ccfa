package org.playerdesk.announcement;

import java.time.Instant;

import org.playerdesk.system.entity.Coded;

/**
 * Where an announcement stands now. Only a draft and a withdrawal are stored as such; the others
 * follow from its publish and expiry times and the clock: scheduled before it shows, published
 * while it shows, expired after.
 */
public enum AnnouncementState implements Coded {
    DRAFT("draft"), SCHEDULED("scheduled"), PUBLISHED("published"), EXPIRED("expired"), WITHDRAWN("withdrawn");

    private final String code;

    AnnouncementState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static AnnouncementState of(boolean released, Instant publishAt, Instant expiresAt, Instant withdrawnAt,
            Instant now) {
        if (withdrawnAt != null) {
            return WITHDRAWN;
        }
        if (!released || publishAt == null) {
            return DRAFT;
        }
        if (publishAt.isAfter(now)) {
            return SCHEDULED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? EXPIRED : PUBLISHED;
    }

    /** Whether it may still be changed: a withdrawn announcement is kept as it was. */
    public boolean editable() {
        return this != WITHDRAWN;
    }

    public static AnnouncementState ofCode(String code) {
        for (AnnouncementState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        return null;
    }
}

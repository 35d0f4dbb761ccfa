package org.playerdesk.game;

import java.time.Instant;

/** A ban: {@code endsAt} null means permanent; {@code liftedAt} is set when it was lifted early. */
public record BanRecord(String reason, Instant startsAt, Instant endsAt, String bannedBy, Instant liftedAt) {

    public boolean permanent() {
        return endsAt == null;
    }

    public boolean activeAt(Instant now) {
        return liftedAt == null && !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
    }
}

package org.playerdesk.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply (or a resolution) on its way to every ticket linked to an incident: {@code done}
 * tickets have it, {@code skipped} could not take it (closed meanwhile), out of {@code total}
 * linked when it was sent; {@code finishedAt} is null while it runs.
 */
public record BroadcastView(UUID id, UUID incidentId, Kind kind, String body, boolean resolve, String actorName,
        int total, long done, long skipped, Instant createdAt, Instant finishedAt) {

    public enum Kind implements org.playerdesk.system.entity.Coded {
        REPLY("reply"), RESOLVE("resolve");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public boolean finished() {
        return finishedAt != null;
    }

    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, (done + skipped) * 100 / total);
    }
}

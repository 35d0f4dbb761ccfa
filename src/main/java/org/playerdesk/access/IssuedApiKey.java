package org.playerdesk.access;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as listed in the console. {@code secret} is set only once, in the answer to its
 * creation; afterwards only its prefix is known.
 */
public record IssuedApiKey(UUID id, UUID gameId, String name, String prefix, String createdBy, Instant createdAt,
        Instant revokedAt, Instant lastUsedAt, String secret) {

    public boolean active() {
        return revokedAt == null;
    }
}

package org.playerdesk.social.internal;

import java.util.UUID;

/**
 * A social source as stored, credentials included: for the webhooks and the platform clients only,
 * never for a page ({@link #shown()} is what a page sees).
 */
public record Source(UUID id, UUID gameId, String name, Platform platform, String secret, String appId,
        String appSecret, String publicKey, String moderationUrl, boolean enabled) {

    /** What the administration page shows: which credentials are set, not what they are. */
    public record Shown(UUID id, UUID gameId, String name, String platform, boolean hasSecret, String appId,
            boolean hasAppSecret, String publicKey, String moderationUrl, boolean enabled) {
    }

    Shown shown() {
        return new Shown(id, gameId, name, platform.code(), secret != null, appId, appSecret != null, publicKey,
                moderationUrl, enabled);
    }
}

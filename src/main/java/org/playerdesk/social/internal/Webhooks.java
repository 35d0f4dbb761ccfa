package org.playerdesk.social.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.signing.SignedRequests;

/** What every social webhook does first: read a bounded body, find its enabled source, check freshness. */
final class Webhooks {

    /** No post or message of any of the platforms comes near this. */
    static final int BODY_MAX = 64 * 1024;

    private Webhooks() {
    }

    static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > BODY_MAX) {
            throw new PayloadTooLarge("invalid.body.tooLarge", BODY_MAX);
        }
        byte[] bytes = request.getInputStream().readNBytes(BODY_MAX + 1);
        if (bytes.length > BODY_MAX) {
            throw new PayloadTooLarge("invalid.body.tooLarge", BODY_MAX);
        }
        return bytes;
    }

    static Optional<Source> source(SocialSources sources, String id, Platform platform) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return sources.find(uuid).filter(s -> s.enabled() && s.platform() == platform);
    }

    /** Whether a timestamp in epoch seconds is within the signed requests' tolerance of now. */
    static boolean fresh(String timestamp, Instant now) {
        if (timestamp == null) {
            return false;
        }
        try {
            return Math.abs(now.getEpochSecond() - Long.parseLong(timestamp.strip()))
                    <= SignedRequests.TOLERANCE.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String pathAndQuery(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}

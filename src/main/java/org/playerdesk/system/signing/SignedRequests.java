package org.playerdesk.system.signing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The wire format of PlayerDesk's signed HTTP calls to other systems (a game's connector,
 * docs/game-connector.md; a department's webhook, docs/departments.md): {@code v1=} + the
 * {@link HmacSigner} signature, keyed with the shared secret, of the method, the full path with its
 * query as sent, the timestamp (epoch seconds) and the body, each on its own line. {@link #verify} is what the
 * receiving side does: the signature compared in constant time, the timestamp within
 * {@link #TOLERANCE} of its clock.
 */
public final class SignedRequests {

    public static final String TIMESTAMP = "X-PlayerDesk-Timestamp";
    public static final String SIGNATURE = "X-PlayerDesk-Signature";
    /** Carries what tells a call apart from its retries, so that the receiver acts once. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** How far a request's timestamp may be from the receiver's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SignedRequests() {
    }

    public static String sign(String secret, String method, String pathAndQuery, String timestamp, byte[] body) {
        byte[] head = (method.toUpperCase() + "\n" + pathAndQuery + "\n" + timestamp + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return "v1=" + HmacSigner.sign(secret, head, body);
    }

    /** Whether the signature is right and the timestamp fresh. */
    public static boolean verify(String secret, String method, String pathAndQuery, String timestamp, byte[] body,
            String signature, Instant now) {
        if (secret == null || secret.isEmpty() || timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        return HmacSigner.same(sign(secret, method, pathAndQuery, timestamp, body), signature);
    }
}

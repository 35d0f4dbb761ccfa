package org.playerdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signature of PlayerDesk's HTTP calls to other systems (a game's connector,
 * docs/game-connector.md; a department's webhook, docs/departments.md): {@code v1=} + hex
 * HMAC-SHA256 keyed with the shared secret over the method, the full path with its query as sent,
 * the timestamp (epoch seconds) and the body, each on its own line. {@link #verify} is what the
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((method.toUpperCase() + "\n" + pathAndQuery + "\n" + timestamp + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            mac.update(body == null ? new byte[0] : body);
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
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
        byte[] expected = sign(secret, method, pathAndQuery, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}

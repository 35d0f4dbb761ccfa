package org.playerdesk.department.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a question posted to a department's webhook: the game connector's scheme
 * (docs/game-connector.md), {@code v1=} + hex HMAC-SHA256 keyed with the department's secret over
 * {@code METHOD \n PATH \n TIMESTAMP \n BODY}. {@link #verify} is what the receiving side does.
 */
public final class WebhookSigning {

    public static final String TIMESTAMP = "X-PlayerDesk-Timestamp";
    public static final String SIGNATURE = "X-PlayerDesk-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSigning() {
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

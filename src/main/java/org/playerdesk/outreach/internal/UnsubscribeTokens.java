package org.playerdesk.outreach.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.system.signing.HmacSigner;

/**
 * The token of an unsubscribe link: {@code <recipient id>.<signature>}, {@link HmacSigner}'s over the
 * recipient id keyed with its campaign's own random secret, so there is no installation secret and
 * a link says nothing about any other recipient.
 */
final class UnsubscribeTokens {

    private static final Pattern FORM = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[0-9a-f]{64}");

    private UnsubscribeTokens() {
    }

    static String token(UUID recipientId, String secret) {
        return recipientId + "." + HmacSigner.sign(secret, "unsubscribe/1\n" + recipientId);
    }

    /** The recipient the token names, before its signature is checked. */
    static Optional<UUID> recipient(String token) {
        return token != null && FORM.matcher(token).matches()
                ? Optional.of(UUID.fromString(token.substring(0, 36)))
                : Optional.empty();
    }

    static boolean genuine(String token, UUID recipientId, String secret) {
        return HmacSigner.same(token(recipientId, secret), token);
    }
}

package org.playerdesk.survey.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.signing.HmacSigner;

/**
 * The signed token of a survey link: {@code <survey id>.<channel>.<expiry, epoch seconds>.<signature>},
 * the signature being {@link HmacSigner}'s over the first three, keyed with the survey's own random
 * secret. Each survey has its own key, so there is no installation secret to configure, share
 * between nodes or rotate, and a link says nothing about any other survey. The channel is the one
 * the link was given through (it is what the answer records); the expiry is the survey's.
 */
final class SurveyTokens {

    private static final Pattern FORM = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[a-z_]{1,20}\\.[0-9]{1,12}\\.[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a well-formed token says, before its signature is checked. */
    record Claim(UUID surveyId, SurveyChannel channel, Instant expiresAt, String payload, String signature) {
    }

    private SurveyTokens() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sign(UUID surveyId, SurveyChannel channel, Instant expiresAt, String secret) {
        String payload = surveyId + "." + channel.code() + "." + expiresAt.getEpochSecond();
        return payload + "." + HmacSigner.sign(secret, "survey/1\n" + payload);
    }

    /** What the token claims, or empty when it is not a survey token at all. */
    static Optional<Claim> read(String token) {
        if (token == null || token.length() > 200 || !FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        try {
            return Optional.of(new Claim(UUID.fromString(parts[0]), Coded.fromCode(SurveyChannel.class, parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[0] + "." + parts[1] + "." + parts[2],
                    parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException notOurs) {
            return Optional.empty();
        }
    }

    /** Whether the claim was signed with this secret (compared in constant time). */
    static boolean signedWith(Claim claim, String secret) {
        return HmacSigner.same(HmacSigner.sign(secret, "survey/1\n" + claim.payload()), claim.signature());
    }
}

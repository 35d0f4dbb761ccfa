package org.playerdesk.chat;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A player's identity as the game server signs it: game code, account id, nickname, VIP level,
 * server (区服) and the time of signing in seconds since the epoch, signed with the game's chat
 * secret (HMAC-SHA256, lower-case hex) over {@link #canonical()}.
 */
public record ChatIdentity(String game, String accountId, String nickname, Integer vipLevel, String server,
        Long timestamp, String signature) {

    /** The signed text: the six fields, each on its own line, an absent one as an empty line. */
    public String canonical() {
        return String.join("\n", text(game), text(accountId), text(nickname),
                vipLevel == null ? "" : vipLevel.toString(), text(server), timestamp == null ? "" : timestamp.toString());
    }

    public ChatIdentity signedWith(String secret) {
        return new ChatIdentity(game, accountId, nickname, vipLevel, server, timestamp, sign(canonical(), secret));
    }

    /** Whether the signature is the one {@code secret} makes (compared in constant time). */
    public boolean signedBy(String secret) {
        if (signature == null || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] expected = sign(canonical(), secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    public static String sign(String text, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

package org.playerdesk.chat;

import java.util.Locale;

import org.playerdesk.system.signing.HmacSigner;

/**
 * A player's identity as the game server signs it: game code, account id, nickname, VIP level,
 * server (区服) and the time of signing in seconds since the epoch, signed with the game's chat
 * secret ({@link HmacSigner}: HMAC-SHA256, lower-case hex) over {@link #canonical()}.
 */
public record ChatIdentity(String game, String accountId, String nickname, Integer vipLevel, String server,
        Long timestamp, String signature) {

    /** The signed text: the six fields, each on its own line, an absent one as an empty line. */
    public String canonical() {
        return String.join("\n", text(game), text(accountId), text(nickname),
                vipLevel == null ? "" : vipLevel.toString(), text(server), timestamp == null ? "" : timestamp.toString());
    }

    public ChatIdentity signedWith(String secret) {
        return new ChatIdentity(game, accountId, nickname, vipLevel, server, timestamp,
                HmacSigner.sign(secret, canonical()));
    }

    /** Whether the signature is the one {@code secret} makes (compared in constant time). */
    public boolean signedBy(String secret) {
        if (signature == null || secret == null || secret.isEmpty()) {
            return false;
        }
        return HmacSigner.same(HmacSigner.sign(secret, canonical()), signature.strip().toLowerCase(Locale.ROOT));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

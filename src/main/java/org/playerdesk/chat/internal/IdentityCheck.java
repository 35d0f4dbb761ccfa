package org.playerdesk.chat.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatRefused;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.signing.Hashes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the identity a game signed for its player: signed with the game's secret, for this game,
 * recent enough ({@code playerdesk.chat.identity-max-age}), not ahead of this server's clock by more
 * than {@code playerdesk.chat.identity-max-ahead}, and not used before: a signature starts one chat.
 * The signatures used are kept in the database until they are too old to be accepted anyway, so a
 * signature copied from a player's page cannot start a chat on another node either.
 */
@Component
public class IdentityCheck {

    private final ChatProperties properties;
    private final Clock clock;
    private final JdbcClient jdbc;

    IdentityCheck(ChatProperties properties, Clock clock, JdbcClient jdbc) {
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Refuses an identity that is not genuine, too old, from the future or used before; records its use. */
    public void checkSignature(GameInfo game, ChatSettings rules, ChatIdentity identity) {
        use(identity, verify(game, rules, identity).plus(properties.identityMaxAge()), clock.instant());
    }

    /**
     * Refuses an identity that is not genuine, too old or from the future, recording nothing (its use
     * is recorded with the chat it starts); when it was signed.
     */
    public Instant verify(GameInfo game, ChatSettings rules, ChatIdentity identity) {
        if (!rules.hasSecret() || !identity.signedBy(rules.secret()) || !game.code().equals(identity.game())) {
            throw new ChatRefused("chat.identity.invalid", "the identity's signature is not the game's");
        }
        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(identity.timestamp() == null ? 0 : identity.timestamp());
        if (signedAt.isBefore(now.minus(properties.identityMaxAge()))
                || signedAt.isAfter(now.plus(properties.identityMaxAhead()))) {
            throw new ChatRefused("chat.identity.stale", "the identity was signed too long ago; sign it again");
        }
        return signedAt;
    }

    /**
     * Records the signature as used, in the caller's transaction (a start that fails leaves it
     * unused); refuses it if it was used before. Uses that can no longer be accepted are forgotten.
     */
    private void use(ChatIdentity identity, Instant acceptedUntil, Instant now) {
        jdbc.sql("delete from chat_identity_use where accepted_until < :now").param("now", Timestamp.from(now)).update();
        String digest = Hashes.sha256(identity.signature().strip().toLowerCase(Locale.ROOT));
        try {
            int known = jdbc.sql("select count(*) from chat_identity_use where signature_digest = :digest")
                    .param("digest", digest).query(Integer.class).single();
            if (known > 0) {
                throw new ChatRefused("chat.identity.used", "this signed identity has started a chat already");
            }
            jdbc.sql("insert into chat_identity_use (signature_digest, accepted_until) values (:digest, :until)")
                    .param("digest", digest).param("until", Timestamp.from(acceptedUntil)).update();
        } catch (DuplicateKeyException raced) {
            throw new ChatRefused("chat.identity.used", "this signed identity has started a chat already");
        }
    }
}

package org.playerdesk.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatRefused;
import org.playerdesk.game.GameInfo;
import org.springframework.stereotype.Component;

/**
 * Checks the identity a game signed for its player: signed with the game's secret, for this game,
 * and recent enough ({@code playerdesk.chat.identity-max-age}).
 */
@Component
public class IdentityCheck {

    private final ChatProperties properties;
    private final Clock clock;

    IdentityCheck(ChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public void checkSignature(GameInfo game, ChatSettings rules, ChatIdentity identity) {
        if (!rules.hasSecret() || !identity.signedBy(rules.secret()) || !game.code().equals(identity.game())) {
            throw new ChatRefused("chat.identity.invalid", "the identity's signature is not the game's");
        }
        Instant signedAt = Instant.ofEpochSecond(identity.timestamp() == null ? 0 : identity.timestamp());
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(properties.identityMaxAge()) > 0) {
            throw new ChatRefused("chat.identity.stale", "the identity was signed too long ago; sign it again");
        }
    }
}

package org.playerdesk.game;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a game's backend said about one account, read together for a page: {@code state} says
 * whether the data is there, the backend does not know the account, or it could not be reached
 * (or has no backend); the lists are empty unless available. {@code notices} are the messages the
 * game delivered to the player, newest first; {@code currencies} the game's currencies and items,
 * the primary currency first (to name the profile's balances).
 */
public record AccountSnapshot(State state, AccountProfile profile, List<LoginRecord> logins, List<BanRecord> bans,
        List<LinkedAccount> linked, Instant fetchedAt, List<InGameNotice> notices, List<Currency> currencies) {

    public enum State {
        AVAILABLE, UNKNOWN_ACCOUNT, UNAVAILABLE, NOT_CONNECTED
    }

    /**
     * The same snapshot with every IP address in it (registration, logins, accounts sharing an IP)
     * passed through {@code shown}: how a page masks them for a viewer who has not revealed them.
     */
    public AccountSnapshot withIps(UnaryOperator<String> shown) {
        AccountProfile masked = profile == null ? null
                : profile.withRegistrationIp(shown.apply(profile.registrationIp()));
        return new AccountSnapshot(state, masked,
                logins.stream().map(l -> l.withIp(shown.apply(l.ip()))).toList(), bans,
                linked.stream().map(a -> a.withIp(shown)).toList(), fetchedAt, notices, currencies);
    }

    public boolean available() {
        return state == State.AVAILABLE;
    }

    static AccountSnapshot of(State state, Instant at) {
        return new AccountSnapshot(state, null, List.of(), List.of(), List.of(), at, List.of(), List.of(Currency.COINS));
    }
}

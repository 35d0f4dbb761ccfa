package org.playerdesk.game;

import java.time.Instant;
import java.util.List;

/**
 * What a game's backend said about one account, read together for a page: {@code state} says
 * whether the data is there, the backend does not know the account, or it could not be reached
 * (or has no backend); the lists are empty unless available.
 */
public record AccountSnapshot(State state, AccountProfile profile, List<LoginRecord> logins, List<BanRecord> bans,
        List<LinkedAccount> linked, Instant fetchedAt) {

    public enum State {
        AVAILABLE, UNKNOWN_ACCOUNT, UNAVAILABLE, NOT_CONNECTED
    }

    public boolean available() {
        return state == State.AVAILABLE;
    }

    static AccountSnapshot of(State state, Instant at) {
        return new AccountSnapshot(state, null, List.of(), List.of(), List.of(), at);
    }
}

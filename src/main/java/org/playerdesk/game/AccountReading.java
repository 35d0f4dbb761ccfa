package org.playerdesk.game;

/**
 * One kind of account data read for a page through {@link GameAccounts}: {@code value} is there
 * only when {@code state} is {@link AccountSnapshot.State#AVAILABLE}.
 */
public record AccountReading<T>(AccountSnapshot.State state, T value) {

    public boolean available() {
        return state == AccountSnapshot.State.AVAILABLE;
    }

    static <T> AccountReading<T> of(AccountSnapshot.State state) {
        return new AccountReading<>(state, null);
    }
}

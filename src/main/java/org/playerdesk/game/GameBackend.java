package org.playerdesk.game;

import java.time.Instant;
import java.util.List;

/**
 * What PlayerDesk reads from and asks of a game's own backend. One implementation per kind of
 * backend: the built-in simulated game, and the HTTP connector for real games
 * (docs/game-connector.md). Lookups are safe to repeat; every action carries an idempotency key,
 * and the backend applies an action with a key it has seen before only once, answering the first
 * result again.
 *
 * <p>A backend that cannot be reached, times out or answers nonsense throws
 * {@link GameBackendUnavailable}; an unknown account throws {@link UnknownAccount}.
 */
public interface GameBackend {

    AccountProfile profile(String accountId);

    /** The most recent logins first, at most {@code limit}. */
    List<LoginRecord> logins(String accountId, int limit);

    /** Currency movements between the two instants (either may be null for open), oldest first. */
    List<LedgerEntry> ledger(String accountId, Instant from, Instant to);

    /** Purchases and recharges, most recent first. */
    List<Purchase> purchases(String accountId);

    /** Prize redemptions with their fulfilment state, most recent first. */
    List<Redemption> redemptions(String accountId);

    /** Bans past and present, most recent first. */
    List<BanRecord> bans(String accountId);

    /** Accounts that share a registration or login IP address or a device with this one. */
    List<LinkedAccount> linkedAccounts(String accountId);

    /** Applies an action once per idempotency key; a repeated key answers the first result. */
    ActionResult perform(GameAction action);

    /**
     * The currencies and items the game's accounts hold, the primary currency first. A backend
     * that names none holds one primary currency, {@link Currency#COINS}.
     */
    default List<Currency> currencies() {
        return List.of(Currency.COINS);
    }

    /** The messages delivered to the player in the game, newest first; empty where the game keeps none to read. */
    default List<InGameNotice> notices(String accountId) {
        return List.of();
    }
}

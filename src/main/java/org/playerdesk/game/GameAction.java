package org.playerdesk.game;

import java.time.Duration;

/**
 * Something an agent asks a game backend to do to an account. {@code idempotencyKey} makes a retry
 * safe; {@code operator} names who asked (shown in the backend's own records).
 */
public sealed interface GameAction {

    String idempotencyKey();

    String accountId();

    String operator();

    /** A ban for a duration, or permanent when {@code duration} is null. */
    record Ban(String idempotencyKey, String accountId, String operator, Duration duration, String reason)
            implements GameAction {
    }

    record Unban(String idempotencyKey, String accountId, String operator, String reason) implements GameAction {
    }

    /**
     * Compensation: {@code currencyAmount} of a currency ({@code currency} is its code; null means
     * the primary currency), or an {@code item} with a quantity (one of the two).
     */
    record Compensate(String idempotencyKey, String accountId, String operator, String currency, long currencyAmount,
            String item, int quantity, String reason) implements GameAction {

        public Compensate(String idempotencyKey, String accountId, String operator, long currencyAmount, String item,
                int quantity, String reason) {
            this(idempotencyKey, accountId, operator, null, currencyAmount, item, quantity, reason);
        }
    }

    /**
     * A message delivered to the player inside the game: in-game mail or a system notice
     * ({@link InGameNotice#MAIL}, {@link InGameNotice#NOTICE}).
     */
    record Notify(String idempotencyKey, String accountId, String operator, String channel, String title, String text)
            implements GameAction {
    }

    /**
     * A campaign's message to the player's in-game mailbox ({@code campaign} names the campaign in the
     * game's own records). The idempotency key is the recipient's, so a send retried after a crash is
     * delivered once.
     */
    record Message(String idempotencyKey, String accountId, String operator, String campaign, String title,
            String text) implements GameAction {
    }

    record Freeze(String idempotencyKey, String accountId, String operator, String reason) implements GameAction {
    }

    record ResetPassword(String idempotencyKey, String accountId, String operator) implements GameAction {
    }
}

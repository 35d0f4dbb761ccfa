package org.playerdesk.game;

import java.time.Instant;

/**
 * One movement of a currency or an item: positive amounts come in, negative go out; {@code balance}
 * is that currency's balance after it. {@code counterparty} is the other account of a trade or
 * gift, else null. {@code currency} is the code of one of the game's {@link Currency currencies};
 * null means the primary currency (connectors that know one balance leave it out).
 */
public record LedgerEntry(Instant at, long amount, long balance, String reason, String counterparty,
        String currency) {

    public LedgerEntry(Instant at, long amount, long balance, String reason, String counterparty) {
        this(at, amount, balance, reason, counterparty, null);
    }

    /** The entry's currency, the primary one's code when it names none. */
    public String currencyOr(String primary) {
        return currency == null || currency.isBlank() ? primary : currency;
    }
}

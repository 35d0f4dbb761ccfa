package org.playerdesk.game;

import java.time.Instant;

/**
 * One movement of in-game currency: positive amounts come in, negative go out; {@code balance}
 * is the balance after it. {@code counterparty} is the other account of a trade or gift, else null.
 */
public record LedgerEntry(Instant at, long amount, long balance, String reason, String counterparty) {
}

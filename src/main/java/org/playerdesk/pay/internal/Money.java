package org.playerdesk.pay.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money in minor units (fen for CNY, two decimals): stored and added up as whole
 * numbers, never as floating point; written and read as "1234.56" (forms, exports) or "1,234.56" (pages).
 */
final class Money {

    /** The largest amount a rule may hold: 10,000,000.00. */
    static final long MAX = 1_000_000_000L;

    private Money() {
    }

    /** "1234.56" (plain, for exports and forms). */
    static String plain(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** "1,234.56" (for pages). */
    static String grouped(long fen) {
        return String.format(java.util.Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen, 2));
    }

    /** Reads "1234.56" or "1234"; null when it is not an amount of at most two decimals from 0 to {@link #MAX}. */
    static Long parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace(",", ""));
            if (amount.signum() < 0 || amount.scale() > 2) {
                return null;
            }
            long fen = amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            return fen > MAX ? null : fen;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}

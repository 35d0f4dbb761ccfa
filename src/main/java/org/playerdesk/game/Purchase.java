package org.playerdesk.game;

import java.time.Instant;

/** A recharge or purchase: what was bought, what it cost (smallest money unit) and through which channel. */
public record Purchase(String orderId, Instant at, String item, long price, String currency, String paymentChannel,
        String state) {
}

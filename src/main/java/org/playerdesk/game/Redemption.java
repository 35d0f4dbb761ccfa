package org.playerdesk.game;

import java.time.Instant;

/**
 * A prize redemption and how far its fulfilment got (e.g. pending, shipped, delivered, failed);
 * {@code cost} of {@code currency} is what the player paid for it (for example charm points), null
 * when the game does not say.
 */
public record Redemption(String redemptionId, Instant at, String prize, String fulfilment, String trackingNumber,
        Long cost, String currency) {

    public Redemption(String redemptionId, Instant at, String prize, String fulfilment, String trackingNumber) {
        this(redemptionId, at, prize, fulfilment, trackingNumber, null, null);
    }
}

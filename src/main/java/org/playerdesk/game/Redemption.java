package org.playerdesk.game;

import java.time.Instant;

/** A prize redemption and how far its fulfilment got (e.g. pending, shipped, delivered, failed). */
public record Redemption(String redemptionId, Instant at, String prize, String fulfilment, String trackingNumber) {
}

package org.playerdesk.game;

/**
 * The backend's answer to an action: whether it was applied, its own reference and a message.
 * {@code replayed} is true when the idempotency key had been seen before and this is the first
 * answer again.
 */
public record ActionResult(boolean applied, String reference, String message, boolean replayed) {
}

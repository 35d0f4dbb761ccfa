package org.playerdesk.channel.api;

/** An {@code Idempotency-Key} sent again with a different request; answered 422. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new ticket");
    }
}

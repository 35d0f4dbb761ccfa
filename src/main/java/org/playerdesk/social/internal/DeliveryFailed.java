package org.playerdesk.social.internal;

/** A platform refused an answer or could not be reached; the message is shown on the ticket. */
class DeliveryFailed extends RuntimeException {

    DeliveryFailed(String message) {
        super(message);
    }

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}

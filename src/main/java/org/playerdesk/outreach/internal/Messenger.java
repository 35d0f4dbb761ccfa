package org.playerdesk.outreach.internal;

import java.util.UUID;

import org.playerdesk.outreach.OutreachChannel;

/** Sends one campaign message on one channel; the answer is the channel's reference for it. */
interface Messenger {

    /** One player's message, in their language. {@code key} tells a retry apart from a new message. */
    record Outgoing(UUID recipientId, UUID gameId, String accountId, String address, String locale, String campaign,
            String subject, String text, String unsubscribeUrl) {

        String key() {
            return "outreach-" + recipientId;
        }
    }

    /** The message was not sent: {@code later} when trying again later may help (the receiver is down). */
    final class Undelivered extends RuntimeException {
        final boolean later;

        Undelivered(String reason, boolean later) {
            super(reason);
            this.later = later;
        }
    }

    OutreachChannel channel();

    /**
     * Whether the receiver recognises a repeated idempotency key, so that a claim a node died
     * holding may be sent again safely.
     */
    boolean resendable();

    String deliver(Outgoing message);
}

package org.playerdesk.outreach.internal;

/**
 * Where SMS go: one implementation per kind of gateway (the generic HTTP gateway is built in,
 * {@link HttpSmsGateway}). {@code reference} is PlayerDesk's own name of the message, sent as the
 * idempotency key and given back in the gateway's delivery receipts.
 */
interface SmsGateway {

    record Sms(String reference, String to, String text) {
    }

    /** Hands the message to the gateway and answers the gateway's id for it; throws {@link Messenger.Undelivered}. */
    String send(Sms sms);
}

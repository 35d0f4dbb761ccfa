package org.playerdesk.wellbeing.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact of an agent: a ticket or a live chat (the chat's ticket), hostile or not; {@code at}
 * is when it became hostile, else when the agent handled it. {@code cause} is {@code tag} or
 * {@code abusive-line} for a hostile one, null otherwise.
 */
record Contact(UUID ticketId, String channel, boolean hostile, String cause, Instant at) {

    static final String TICKET = "ticket";
    static final String CHAT = "chat";
    static final String TAG = "tag";
    static final String ABUSIVE_LINE = "abusive-line";
}

package org.playerdesk.access;

import java.util.List;

/**
 * Paths other servers call with their own proof rather than a staff member's session: a telephony
 * system's CTI events, a mail provider's inbound mail, a social platform's webhooks, an SMS
 * gateway's receipts, a department's answers. A module declares its paths as a bean of this type;
 * the one security chain for them all keeps no session, asks no sign-in and no CSRF token, and the
 * module's controller verifies each request itself (a signature, a one-time token) and refuses
 * anything else.
 */
public record ServerEndpoints(List<String> paths) {

    public ServerEndpoints {
        paths = List.copyOf(paths);
    }

    /** The Ant-style path patterns (for example {@code /cti/**}). */
    public static ServerEndpoints of(String... paths) {
        return new ServerEndpoints(List.of(paths));
    }
}

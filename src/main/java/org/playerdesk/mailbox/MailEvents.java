package org.playerdesk.mailbox;

import java.time.Instant;
import java.util.UUID;

/** What happened to mail another module sent through {@link PlayerMail}, named by its reference. */
public final class MailEvents {

    private MailEvents() {
    }

    /** The player answered a message sent with this reference; the answer opened or continued this ticket. */
    public record ReferencedReply(String reference, UUID gameId, UUID ticketId, Instant at) {
    }

    /** A message sent with this reference bounced (or the server refused it later). */
    public record ReferencedBounce(String reference, UUID gameId, String reason, Instant at) {
    }
}

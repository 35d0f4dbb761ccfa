package org.playerdesk.mailbox;

import java.util.Map;
import java.util.UUID;

/**
 * Email to a player from their game's support address, for other modules (a campaign's message).
 * The sender names the message with its own {@code reference} ("outreach:…"); a player's reply to
 * it, or its bounce, comes back as a {@link MailEvents} event carrying that reference.
 */
public interface PlayerMail {

    /**
     * One message: plain text always, HTML optionally; {@code headers} are added as they are
     * (for example {@code List-Unsubscribe}).
     */
    record Letter(UUID gameId, String to, String subject, String text, String html, String reference,
            Map<String, String> headers) {

        public Letter {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * Sends the letter now and answers the {@code Message-ID} it went with.
     *
     * @throws MailUndeliverable when no mail server is configured or the server refused it
     */
    String send(Letter letter);
}

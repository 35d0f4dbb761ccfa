package org.playerdesk.mailbox.internal;

import java.time.Clock;
import java.util.List;

import org.playerdesk.mailbox.PlayerMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends players' mail by SMTP from their game's support address (its first mailbox; the
 * installation's {@code PLAYERDESK_MAIL_FROM} when the game has none) and keeps the Message-ID
 * with the sender's reference: a reply threaded to it, or its bounce, comes back as a
 * {@link org.playerdesk.mailbox.MailEvents} event.
 */
@Component
class SmtpPlayerMail implements PlayerMail {

    private final Outbox outbox;
    private final MailStore store;
    private final Clock clock;
    private final String from;

    SmtpPlayerMail(Outbox outbox, MailStore store, Clock clock,
            @Value("${PLAYERDESK_MAIL_FROM:playerdesk@localhost}") String from) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
        this.from = from;
    }

    @Override
    public String send(Letter letter) {
        Mailbox box = letter.gameId() == null ? null
                : store.mailboxes(letter.gameId()).stream().filter(Mailbox::enabled).findFirst().orElse(null);
        String id = outbox.send(new Outbox.Outgoing(box == null ? from : box.address(),
                box == null ? null : box.displayName(), letter.to(), letter.subject(), letter.text(), letter.html(),
                List.of(), letter.headers()));
        if (letter.gameId() != null) {
            store.sent(letter.gameId(), id, letter.to(), null, null, letter.reference(), clock.instant(), null);
        }
        return id;
    }
}

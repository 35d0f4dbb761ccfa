package org.playerdesk.outreach.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.mailbox.MailUndeliverable;
import org.playerdesk.mailbox.PlayerMail;
import org.playerdesk.outreach.OutreachChannel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Campaign email through the mailbox module, named {@code outreach:<recipient>} so that a reply or
 * a bounce comes back to the recipient; every message carries its one-click unsubscribe link, in the
 * text and as {@code List-Unsubscribe} (RFC 8058).
 */
@Component
class EmailMessenger implements Messenger {

    private final PlayerMail mail;
    private final MessageSource messages;

    EmailMessenger(PlayerMail mail, MessageSource messages) {
        this.mail = mail;
        this.messages = messages;
    }

    static String reference(java.util.UUID recipientId) {
        return "outreach:" + recipientId;
    }

    @Override
    public OutreachChannel channel() {
        return OutreachChannel.EMAIL;
    }

    @Override
    public boolean resendable() {
        return false;
    }

    @Override
    public String deliver(Outgoing m) {
        if (m.address() == null) {
            throw new Undelivered("no email address", false);
        }
        Locale locale = Locale.forLanguageTag(m.locale());
        String footer = messages.getMessage("outreach.mail.unsubscribe", new Object[] { m.unsubscribeUrl() }, locale);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        try {
            return mail.send(new PlayerMail.Letter(m.gameId(), m.address(), m.subject(), m.text() + "\n\n--\n" + footer,
                    null, reference(m.recipientId()), headers));
        } catch (MailUndeliverable e) {
            throw new Undelivered(e.getMessage(), false);
        }
    }
}

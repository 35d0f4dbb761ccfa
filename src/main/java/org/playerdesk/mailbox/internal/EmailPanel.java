package org.playerdesk.mailbox.internal;

import java.util.List;
import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The email card of a ticket's page, under the conversation: each mail received as the player
 * wrote it (the HTML made safe, remote images blocked until the agent asks, the quoted history and
 * signature folded, the files refused named), the mail a machine wrote and was not answered, and
 * the replies sent with any delivery failure. Nothing for a ticket that never saw email.
 */
@Component
class EmailPanel implements TicketPanel {

    /** What the card shows. */
    record Data(String token, String playerAddress, List<MailStore.Received> received, List<MailStore.Sent> sent,
            boolean failed) {
    }

    private final MailStore store;

    EmailPanel(MailStore store) {
        this.store = store;
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String template() {
        return "mailbox/ticket-panel";
    }

    @Override
    public String title() {
        return "mailbox.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        Optional<MailStore.Thread> thread = store.thread(ticket.id());
        List<MailStore.Received> received = store.receivedOn(ticket.id()).stream()
                .map(r -> new MailStore.Received(r.id(), r.kind(), r.sender(), r.subject(), r.ticketId(),
                        r.html() == null ? null : SafeHtml.clean(r.html()), r.folded(), r.refusedFiles(), r.receivedAt()))
                .toList();
        List<MailStore.Sent> sent = store.sentOn(ticket.id());
        if (thread.isEmpty() && received.isEmpty() && sent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Data(thread.map(MailStore.Thread::token).orElse(null),
                thread.map(MailStore.Thread::playerAddress).orElse(null), received, sent,
                sent.stream().anyMatch(s -> s.failure() != null)));
    }
}

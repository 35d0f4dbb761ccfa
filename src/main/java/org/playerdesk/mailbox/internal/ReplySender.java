package org.playerdesk.mailbox.internal;

import org.playerdesk.system.events.OutboxListener;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.mailbox.MailUndeliverable;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.StoredAttachment;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends an agent's public reply on an email ticket to the player, from the mailbox the
 * conversation came through, wrapped in the game's template for the conversation's language,
 * threaded (In-Reply-To, References) and with the conversation's token in the subject. The ticket
 * module publishes the reply and knows nothing of this. A refusal by the mail server is written on
 * the ticket as a delivery failure; a later bounce arrives as mail ({@link MailIntake}).
 */
@Component
class ReplySender {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    private final MailStore store;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final PlayerDirectory players;
    private final GameCatalog games;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final MessageSource messages;
    private final Clock clock;

    ReplySender(MailStore store, TicketQueries tickets, TicketDesk desk, PlayerDirectory players, GameCatalog games,
            Outbox outbox, MailTemplates templates, MessageSource messages, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.desk = desk;
        this.players = players;
        this.games = games;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @OutboxListener
    void on(TicketMessagePosted posted) {
        if (posted.visibility() != Visibility.PUBLIC || posted.by() != Actor.Kind.AGENT) {
            return;
        }
        MailStore.Thread thread = store.thread(posted.ticketId()).orElse(null);
        if (thread == null || store.sentFor(posted.messageId())) {
            return; // not an email ticket, or sent already (the event delivered again)
        }
        Mailbox box = store.mailbox(thread.mailboxId()).orElse(null);
        MessageView reply = tickets.messageWithAttachments(posted.ticketId(), posted.messageId()).orElse(null);
        if (box == null || reply == null) {
            return;
        }
        PlayerSummary player = players.get(thread.playerId());
        String gameName = games.get(thread.gameId()).name();
        String text = templates.wrap(thread.gameId(), thread.locale(), player.nickname() == null ? "" : player.nickname(),
                reply.authorName(), gameName, reply.body());
        String subject = Texts.abbreviate(thread.subject().regionMatches(true, 0, "Re:", 0, 3) ? thread.subject()
                : "Re: " + thread.subject(), 400) + " [#" + thread.token() + "]";
        List<String> answers = new ArrayList<>();
        if (thread.lastMessageId() != null) {
            answers.add(thread.lastMessageId());
        }
        try {
            String id = outbox.send(new Outbox.Outgoing(box.address(), box.displayName(), thread.playerAddress(),
                    subject, text, null, answers, Map.of(), files(posted.ticketId(), reply)));
            store.sent(thread.gameId(), id, thread.playerAddress(), posted.ticketId(), posted.messageId(), null,
                    clock.instant(), null);
        } catch (MailUndeliverable | IOException refused) {
            log.info("An email reply on ticket {} was not delivered: {}", posted.ticketId(), refused.getMessage());
            String reason = refused.getCause() == null ? refused.getMessage() : refused.getCause().getMessage();
            store.sent(thread.gameId(), "<refused-" + posted.messageId() + ">", thread.playerAddress(),
                    posted.ticketId(), posted.messageId(), null, clock.instant(), reason);
            Locale locale = Locale.forLanguageTag(games.get(thread.gameId()).defaultLocale());
            desk.note(posted.ticketId(), Actor.SYSTEM, Texts.abbreviate(messages.getMessage("mailbox.delivery.refused",
                    new Object[] { thread.playerAddress(), String.valueOf(reason) }, locale), 20_000), List.of());
        }
    }

    /** The reply's files, as the player would have had them on the help center's page. */
    private List<Outbox.File> files(UUID ticketId, MessageView reply) throws IOException {
        List<Outbox.File> files = new ArrayList<>();
        for (AttachmentView attachment : reply.attachments()) {
            if (attachment.visibility() != Visibility.PUBLIC) {
                continue;
            }
            StoredAttachment stored = tickets.attachment(ticketId, attachment.id(), false);
            try (InputStream content = stored.content().getInputStream()) {
                files.add(new Outbox.File(attachment.fileName(), attachment.contentType(), content.readAllBytes()));
            }
        }
        return files;
    }
}

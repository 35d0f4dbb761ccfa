package org.playerdesk.outreach.internal;

import org.playerdesk.system.events.OutboxListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.outreach.ContactPreferences;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends an agent's public reply on a ticket an SMS answer opened (channel {@code sms}) to the
 * number the campaign messaged, through the {@link SmsGateway}, once the ticket's transaction has
 * committed (the ticket module publishes the reply and knows nothing of this; the event publication
 * registry hands it over again until this listener completes). Each reply is taken once, kept by
 * its message id, which is also the gateway's reference and idempotency key. A number opted out of
 * SMS gets nothing; an answer longer than the gateway's {@code max-length} is cut or refused; a
 * refusal by the gateway is written on the ticket as an internal note in the game's language, like
 * every reason the answer did not go (a gateway that does not answer is tried again later).
 */
@Component
class SmsAnswers {

    private static final Logger log = LoggerFactory.getLogger(SmsAnswers.class);

    private final CampaignStore store;
    private final ContactStore contacts;
    private final SmsGateway gateway;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final GameCatalog games;
    private final MessageSource messages;
    private final OutreachProperties properties;
    private final Clock clock;

    SmsAnswers(CampaignStore store, ContactStore contacts, SmsGateway gateway, TicketQueries tickets, TicketDesk desk,
            GameCatalog games, MessageSource messages, OutreachProperties properties, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.gateway = gateway;
        this.tickets = tickets;
        this.desk = desk;
        this.games = games;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @OutboxListener
    void on(TicketMessagePosted posted) {
        if (posted.visibility() != Visibility.PUBLIC || posted.by() != Actor.Kind.AGENT) {
            return;
        }
        Optional<CampaignStore.SmsTicket> found = store.smsTicket(posted.ticketId());
        if (found.isEmpty() || store.answerTaken(posted.messageId())) {
            return; // not a ticket an SMS opened, or taken already (the event delivered again)
        }
        MessageView reply = tickets.messageWithAttachments(posted.ticketId(), posted.messageId()).orElse(null);
        if (reply == null || reply.body() == null || reply.body().isBlank()) {
            return;
        }
        CampaignStore.SmsTicket sms = found.get();
        Instant now = clock.instant();
        store.answerTaking(posted.messageId(), posted.ticketId(), now);
        Locale locale = Locale.forLanguageTag(games.get(sms.gameId()).defaultLocale());
        if (sms.phone() == null) {
            settled(posted, "no_number", null, locale, "outreach.answer.noNumber");
            return;
        }
        boolean optedOut = contacts.of(sms.playerId()).map(ContactPreferences::smsOptOut).orElse(false)
                || contacts.phoneOptedOut(sms.phone());
        if (optedOut) {
            settled(posted, "opted_out", null, locale, "outreach.answer.optedOut");
            return;
        }
        String text = reply.body().strip();
        Integer max = properties.sms().maxLength();
        boolean cut = max != null && text.length() > max;
        if (cut && properties.sms().refuseTooLong()) {
            settled(posted, "too_long", null, locale, "outreach.answer.tooLong", String.valueOf(text.length()),
                    String.valueOf(max));
            return;
        }
        if (cut) {
            text = Texts.abbreviate(text, max);
        }
        String id;
        try {
            id = gateway.send(new SmsGateway.Sms(posted.messageId().toString(), sms.phone(), text));
        } catch (Messenger.Undelivered undelivered) {
            if (undelivered.later) {
                throw undelivered; // the gateway did not answer: the publication stays open and is tried again
            }
            log.info("An SMS answer on ticket {} was refused: {}", posted.ticketId(), undelivered.getMessage());
            settled(posted, "refused", null, locale, "outreach.answer.refused", undelivered.getMessage());
            return;
        }
        if (cut) {
            settled(posted, "sent", id, locale, "outreach.answer.cut", String.valueOf(max));
        } else {
            store.answerTaken(posted.messageId(), "sent", id);
        }
    }

    /** Writes what became of the answer, and tells the agents on the ticket. */
    private void settled(TicketMessagePosted posted, String outcome, String reference, Locale locale, String key,
            Object... args) {
        store.answerTaken(posted.messageId(), outcome, reference);
        desk.note(posted.ticketId(), Actor.SYSTEM,
                Texts.abbreviate(messages.getMessage(key, args, locale), 20_000), List.of());
    }
}

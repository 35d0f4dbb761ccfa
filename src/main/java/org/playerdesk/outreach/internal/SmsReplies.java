package org.playerdesk.outreach.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A text a player sent to the SMS gateway's number (docs/campaigns.md#sms-gateway). It answers the
 * newest campaign SMS sent to that number within the reply window: a STOP word opts the number out
 * of SMS (no ticket); anything else marks that recipient replied and opens a ticket on channel
 * {@code sms}, naming the campaign, or continues the ticket an earlier answer opened while it is
 * not closed. A text from a number no campaign messaged lately is not kept. Runs in the caller's
 * transaction.
 */
@Component
class SmsReplies {

    /** The words that opt a number out, as a whole message, in any case (退订 and TD are the usual ones in China). */
    static final Set<String> STOP = Set.of("STOP", "TD", "退订", "UNSUBSCRIBE");

    enum Outcome {
        REPLIED, OPTED_OUT, UNMATCHED, DUPLICATE;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Taken(Outcome outcome, UUID recipientId, UUID ticketId) {
    }

    private final CampaignStore store;
    private final ContactStore contacts;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final MessageSource messages;
    private final OutreachProperties properties;
    private final Clock clock;

    SmsReplies(CampaignStore store, ContactStore contacts, TicketDesk desk, TicketQueries tickets,
            PlayerDirectory players, MessageSource messages, OutreachProperties properties, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.desk = desk;
        this.tickets = tickets;
        this.players = players;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes one inbound SMS. {@code gatewayId}, when the gateway gives one, makes a repeated
     * delivery of the same message a no-op.
     */
    Taken take(String gatewayId, String from, String text) {
        Instant now = clock.instant();
        if (gatewayId != null && !store.firstInbound(gatewayId, now)) {
            return new Taken(Outcome.DUPLICATE, null, null);
        }
        String phone = phone(from);
        Optional<CampaignStore.Answerable> answered = phone == null ? Optional.empty()
                : store.latestSmsTo(phone, now.minus(properties.sms().replyWindow()));
        Taken taken;
        if (stop(text)) {
            answered.ifPresent(a -> contacts.optOut(a.gameId(), a.playerId(), OutreachChannel.SMS, "sms stop", now));
            int others = phone == null ? 0 : contacts.optOutPhone(phone, "sms stop", now);
            taken = new Taken(answered.isPresent() || others > 0 ? Outcome.OPTED_OUT : Outcome.UNMATCHED,
                    answered.map(CampaignStore.Answerable::recipientId).orElse(null), null);
        } else if (answered.isEmpty() || text.isBlank()) {
            taken = new Taken(Outcome.UNMATCHED, null, null);
        } else {
            CampaignStore.Answerable a = answered.get();
            UUID ticket = ticket(a, text, now);
            store.replied(a.recipientId(), ticket, now);
            taken = new Taken(Outcome.REPLIED, a.recipientId(), ticket);
        }
        if (gatewayId != null) {
            store.inboundTaken(gatewayId, taken.outcome().code(), taken.recipientId(), taken.ticketId());
        }
        return taken;
    }

    /** The ticket an earlier answer opened, while it is not closed; else a new one naming the campaign. */
    private UUID ticket(CampaignStore.Answerable a, String text, Instant now) {
        String body = Texts.abbreviate(text, 20_000);
        if (a.ticketId() != null) {
            Optional<TicketView> earlier = earlier(a.ticketId()).filter(t -> t.status() != TicketStatus.CLOSED);
            if (earlier.isPresent()) {
                PlayerSummary player = players.get(a.playerId());
                desk.reply(earlier.get().id(), Actor.player(player.id(), player.displayName()), body, List.of(), null);
                return earlier.get().id();
            }
        }
        String subject = messages.getMessage("outreach.reply.subject", new Object[] { a.campaign() },
                Locale.forLanguageTag(a.locale()));
        return desk.open(new NewTicket(a.gameId(), PlayerIdentity.of(a.accountId()), "consultation",
                TicketChannel.SMS.code(), null, Texts.abbreviate(subject, 200), body, null,
                Map.of("campaign", a.campaign()), false), List.of()).ticket().id();
    }

    private Optional<TicketView> earlier(UUID ticketId) {
        try {
            return Optional.of(tickets.head(ticketId));
        } catch (NotFoundException erased) {
            return Optional.empty();
        }
    }

    /** Whether the whole message is a STOP word (blanks and end punctuation aside, any case). */
    static boolean stop(String text) {
        String word = text.strip().replaceAll("[\\p{Punct}。！．　\\s]+$", "").strip().toUpperCase(Locale.ROOT);
        return STOP.contains(word);
    }

    /**
     * The number as campaigns keep it (E.164): blanks, dashes, dots and brackets dropped, a
     * leading 00 read as +, digits alone taken as with their country code; null when it is no number.
     */
    static String phone(String from) {
        if (from == null) {
            return null;
        }
        String n = from.replaceAll("[\\s\\-().]", "");
        if (n.startsWith("00")) {
            n = "+" + n.substring(2);
        } else if (!n.startsWith("+")) {
            n = "+" + n;
        }
        return n.matches("\\+[1-9][0-9]{6,14}") ? n : null;
    }
}

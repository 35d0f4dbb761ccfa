package org.playerdesk.mailbox.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.mailbox.MailEvents;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.database.GroupCommit;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns one received message into its place on a ticket, in one transaction with the row that
 * remembers its Message-ID for the mailbox: the same message read again (a node stopped between
 * the commit and marking it read) is recognised and changes nothing. A new mail opens a ticket of
 * channel {@code email}; a reply to PlayerDesk's mail (its In-Reply-To or References, else the
 * conversation's token in the address or subject) is the player's reply on its ticket. Mail a
 * machine wrote (auto-replies, mailing lists, a sender writing again and again in a short window)
 * is kept but never answered and never opens a ticket; a bounce of PlayerDesk's mail is shown on
 * its ticket as a delivery failure, or told to the module that sent it.
 */
@Component
public class MailIntake implements DisposableBean {

    /** What became of a message. */
    public enum Outcome {
        OPENED, THREADED, DUPLICATE, AUTOMATIC, LOOP, BOUNCE
    }

    static final Pattern TOKEN = Pattern.compile("(?:\\+|\\[#)(PD-[A-Z0-9]{8})(?:@|\\])");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}");
    private static final char[] TOKEN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final MailStore store;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final GameCatalog games;
    private final ConflictRetry retry;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final MailReading.Limits limits;
    private final Duration loopWindow;
    private final int loopLimit;
    private final SecureRandom random = new SecureRandom();
    /** Mails taken at the same moment (the webhook, several mailboxes) written in one transaction. */
    private final GroupCommit writes;

    MailIntake(MailStore store, TicketDesk desk, TicketQueries tickets, PlayerDirectory players, GameCatalog games,
            ConflictRetry retry, ApplicationEventPublisher events, MessageSource messages, Clock clock,
            PlayerDeskProperties properties,
            @Value("${playerdesk.mailbox.loop-window:10m}") Duration loopWindow,
            @Value("${playerdesk.mailbox.loop-limit:10}") int loopLimit, PlatformTransactionManager transactions,
            MeterRegistry meters, @Value("${playerdesk.mailbox.writers:8}") int writers) {
        this.store = store;
        this.desk = desk;
        this.tickets = tickets;
        this.players = players;
        this.games = games;
        this.retry = retry;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.limits = new MailReading.Limits(properties.attachments().maxSize().toBytes(),
                properties.attachments().maxPerMessage());
        this.loopWindow = loopWindow;
        this.loopLimit = loopLimit;
        this.writes = new GroupCommit("mail", transactions, writers, 16, meters);
    }

    @Override
    public void destroy() {
        writes.close();
    }

    /**
     * Takes one raw message received by the mailbox; when this returns, what it did is committed
     * (with the mails taken at the same moment, in one transaction; a mail that cannot be stored
     * is written again alone, and tried again on the fresh state when a concurrent writer won).
     */
    public Outcome receive(Mailbox box, byte[] raw) {
        InboundMessage mail = MailReading.read(raw, limits);
        return retry.retrying(() -> writes.run(() -> take(box, mail)));
    }

    private Outcome take(Mailbox box, InboundMessage mail) {
        if (store.seen(box.id(), mail.messageId())) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        if (mail.bounce() != null) {
            bounced(box, mail, now);
            return Outcome.BOUNCE;
        }
        Optional<UUID> answered = answeredTicket(box, mail);
        if (mail.automatic() != null) {
            store.received(box.id(), box.gameId(), mail, "automatic", answered.orElse(null), null, now);
            return Outcome.AUTOMATIC;
        }
        if (mail.sender() == null || store.isSupportAddress(mail.sender())
                || store.receivedFrom(box.id(), mail.sender(), now.minus(loopWindow)) >= loopLimit) {
            store.received(box.id(), box.gameId(), mail, "loop", answered.orElse(null), null, now);
            return Outcome.LOOP;
        }
        Optional<MailStore.Sent> sent = store.sentAs(mail.answers());
        Optional<TicketView> open = answered.map(tickets::head).filter(t -> t.status() != TicketStatus.CLOSED);
        if (open.isPresent()) {
            MailStore.Thread thread = store.thread(open.get().id()).orElse(null);
            UUID playerId = thread != null ? thread.playerId() : open.get().playerId();
            PlayerSummary player = players.get(playerId);
            MessageView reply = desk.reply(open.get().id(), Actor.player(player.id(), name(player, mail)),
                    text(mail, box), mail.files(), null);
            store.received(box.id(), box.gameId(), mail, "reply", open.get().id(), reply.id(), now);
            if (thread == null) {
                startThread(box, mail, open.get().id(), playerId, now);
            } else {
                store.lastMessage(open.get().id(), mail.messageId());
            }
            sent.filter(s -> s.reference() != null).ifPresent(s -> events.publishEvent(
                    new MailEvents.ReferencedReply(s.reference(), box.gameId(), open.get().id(), now)));
            return Outcome.THREADED;
        }
        PlayerSummary player = player(box.gameId(), mail);
        String subject = mail.subject() == null ? text("mailbox.ticket.noSubject", box) : mail.subject();
        Opened opened = desk.open(new NewTicket(box.gameId(), identity(player, mail), "consultation", "email", null,
                Texts.abbreviate(subject, 200), text(mail, box),
                mail.sender().length() <= 254 && EMAIL.matcher(mail.sender()).matches() ? mail.sender() : null,
                Map.of("mailbox", box.address()), false), mail.files());
        UUID ticketId = opened.ticket().id();
        store.received(box.id(), box.gameId(), mail, "new", ticketId, null, now);
        startThread(box, mail, ticketId, opened.ticket().playerId(), now);
        sent.filter(s -> s.reference() != null).ifPresent(s -> events.publishEvent(
                new MailEvents.ReferencedReply(s.reference(), box.gameId(), ticketId, now)));
        return Outcome.OPENED;
    }

    /** The ticket this message answers: PlayerDesk's mail it names, a mail of the same conversation, or the token. */
    private Optional<UUID> answeredTicket(Mailbox box, InboundMessage mail) {
        Optional<UUID> bySent = store.sentAs(mail.answers()).filter(s -> box.gameId().equals(s.gameId()))
                .map(MailStore.Sent::ticketId);
        if (bySent.isPresent()) {
            return bySent;
        }
        Optional<UUID> byReceived = store.ticketOfReceived(box.gameId(), mail.answers());
        if (byReceived.isPresent()) {
            return byReceived;
        }
        for (String place : concat(mail.recipients(), mail.subject() == null ? "" : mail.subject())) {
            Matcher token = TOKEN.matcher(place.toUpperCase(Locale.ROOT));
            while (token.find()) {
                Optional<MailStore.Thread> thread = store.threadByToken(box.gameId(), token.group(1));
                if (thread.isPresent()) {
                    return thread.map(MailStore.Thread::ticketId);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> concat(List<String> recipients, String subject) {
        return java.util.stream.Stream.concat(recipients.stream(), java.util.stream.Stream.of(subject)).toList();
    }

    private void bounced(Mailbox box, InboundMessage mail, Instant now) {
        List<String> names = mail.bounce().originalMessageId() == null ? mail.answers()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(mail.bounce().originalMessageId()),
                        mail.answers().stream()).toList();
        Optional<MailStore.Sent> sent = store.sentAs(names);
        String reason = mail.bounce().reason() == null || mail.bounce().reason().isBlank()
                ? (mail.subject() == null ? "" : mail.subject()) : mail.bounce().reason();
        UUID ticketId = null;
        if (sent.isPresent()) {
            MailStore.Sent original = sent.get();
            store.failed(original.id(), reason, now);
            if (original.ticketId() != null) {
                ticketId = original.ticketId();
                desk.note(ticketId, Actor.SYSTEM, Texts.abbreviate(text("mailbox.delivery.bounced", box,
                        original.recipient(), reason), 20_000), List.of());
            }
            if (original.reference() != null) {
                events.publishEvent(new MailEvents.ReferencedBounce(original.reference(), original.gameId(), reason, now));
            }
        }
        store.received(box.id(), box.gameId(), mail, "bounce", ticketId, null, now);
    }

    private void startThread(Mailbox box, InboundMessage mail, UUID ticketId, UUID playerId, Instant now) {
        String subject = mail.subject() == null ? "" : mail.subject().replaceAll("\\s*\\[#PD-[A-Z0-9]{8}\\]", "");
        String locale = (mail.text() + subject).codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF) ? "zh-CN" : "en";
        store.startThread(new MailStore.Thread(ticketId, box.gameId(), box.id(), playerId, mail.sender(), newToken(),
                subject, locale, mail.messageId()), now);
    }

    private String newToken() {
        char[] token = new char[8];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_LETTERS[random.nextInt(TOKEN_LETTERS.length)];
        }
        return "PD-" + new String(token);
    }

    /** The player this address belongs to: one who wrote from it before, one who gave it as contact, or a new contact. */
    private PlayerSummary player(UUID gameId, InboundMessage mail) {
        return store.playerByAddress(gameId, mail.sender()).map(players::get)
                .or(() -> players.findByContactEmail(gameId, mail.sender())).orElse(null);
    }

    private static PlayerIdentity identity(PlayerSummary known, InboundMessage mail) {
        if (known != null) {
            return PlayerIdentity.of(known.accountId());
        }
        String account = "email:" + mail.sender();
        if (account.length() > PlayerDirectory.ACCOUNT_ID_MAX) {
            account = "email:" + Hashes.sha256(mail.sender()).substring(0, 40);
        }
        String nickname = mail.senderName() == null ? null : Texts.abbreviate(mail.senderName(), 100);
        return new PlayerIdentity(account, nickname, null, null);
    }

    private static String name(PlayerSummary player, InboundMessage mail) {
        return player.nickname() != null ? player.nickname()
                : mail.senderName() != null ? mail.senderName() : mail.sender();
    }

    /** The ticket message: the new text (never blank: a mail of attachments only says so). */
    private String text(InboundMessage mail, Mailbox box) {
        String text = mail.text() == null || mail.text().isBlank()
                ? text(mail.files().isEmpty() ? "mailbox.ticket.noText" : "mailbox.ticket.filesOnly", box)
                : mail.text();
        return Texts.abbreviate(text, 20_000);
    }

    private String text(String key, Mailbox box, Object... args) {
        Locale locale = Locale.forLanguageTag(games.get(box.gameId()).defaultLocale());
        return messages.getMessage(key, args, key, locale);
    }
}

package org.playerdesk.enforcement;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.internal.InGameNoticeRecord;
import org.playerdesk.enforcement.internal.InGameNoticeRepository;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to a player delivered inside the game (in-game mail or a system notice) through the
 * game's connector: the seed's 告示提醒玩家 after a sanction, a compensation, a lifted ban, a
 * procedure's end, and a GM's gentle warning for a first offence. Each is kept with the game's
 * answer and written into the ticket's history (when there is a ticket) in the game's language;
 * a game that cannot be reached leaves an undelivered record, never a failed action. A key seen
 * before answers the first delivery, so a retried action notifies once.
 */
@Service
@Transactional
public class InGameNotices {

    /** What sent a message. */
    public enum Cause {
        SANCTION, LIFTED, COMPENSATION, PROTECTION, WARNING, PROCEDURE
    }

    /** What a message is about: any of them may be null. */
    public record About(UUID ticketId, UUID violationId, UUID actionId) {
    }

    private final InGameNoticeRepository notices;
    private final ObjectProvider<GameBackends> backends;
    private final GameCatalog games;
    private final TicketDesk desk;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    InGameNotices(InGameNoticeRepository notices, ObjectProvider<GameBackends> backends, GameCatalog games,
            TicketDesk desk, AuditLog audit, MessageSource messages, Clock clock) {
        this.notices = notices;
        this.backends = backends;
        this.games = games;
        this.desk = desk;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The game's language: the player reads the game's messages in it. */
    public Locale locale(UUID gameId) {
        return Locale.forLanguageTag(games.get(gameId).defaultLocale());
    }

    /**
     * Asks the game to deliver a message to the account and records the answer. {@code key} makes
     * it once-only (8 to 100 characters); the title and text are already in the player's language.
     */
    public NoticeView deliver(UUID gameId, String accountId, Cause cause, About about, String channel, String title,
            String text, String key, StaffMember sender) {
        Optional<InGameNoticeRecord> earlier = notices.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return earlier.get().view();
        }
        InGameNoticeRecord record = notices.save(new InGameNoticeRecord(gameId, accountId, about.ticketId(),
                about.violationId(), about.actionId(), cause, channel, Texts.abbreviate(title, 200),
                Texts.abbreviate(text, 2000), key, sender.displayName(), clock.instant()));
        try {
            GameBackends all = backends.getIfAvailable();
            if (all == null || !all.connected(gameId)) {
                throw new GameBackendUnavailable("this game has no backend connected");
            }
            ActionResult result = all.of(gameId).perform(new GameAction.Notify(key, accountId, sender.username(),
                    channel, Texts.abbreviate(title, 200), Texts.abbreviate(text, 2000)));
            record.answered(result);
        } catch (GameBackendUnavailable | UnknownAccount e) {
            record.unreachable(e.getMessage());
        }
        NoticeView view = record.view();
        audit.record(sender, gameId, "game.notify", "account", accountId,
                cause.name().toLowerCase(Locale.ROOT) + " → " + (view.delivered() ? "delivered" : "not delivered"));
        if (about.ticketId() != null) {
            Locale locale = locale(gameId);
            desk.recordInHistory(about.ticketId(), Actor.agent(sender.id(), sender.displayName()), view.delivered()
                    ? messages.getMessage("gm.notify.history.delivered",
                            new Object[] {channelName(channel, locale), view.title()}, locale)
                    : messages.getMessage("gm.notify.history.failed",
                            new Object[] {view.title(), view.message() == null ? "" : view.message()}, locale));
        }
        return view;
    }

    /** A message in the game's language from the bundle: {@code gm.notify.<what>.title} and {@code .text}. */
    public NoticeView deliverStandard(UUID gameId, String accountId, Cause cause, About about, String what,
            Object[] args, String key, StaffMember sender) {
        Locale locale = locale(gameId);
        String channel = cause == Cause.WARNING ? InGameNotice.NOTICE : InGameNotice.MAIL;
        return deliver(gameId, accountId, cause, about, channel,
                messages.getMessage("gm.notify." + what + ".title", null, locale),
                messages.getMessage("gm.notify." + what + ".text", args, locale), key, sender);
    }

    /** Links the messages sent for an action to the violation that asked for it. */
    public void linkToViolation(UUID actionId, UUID violationId) {
        notices.findByActionId(actionId).forEach(n -> n.about(violationId));
    }

    @Transactional(readOnly = true)
    public List<NoticeView> forTicket(UUID ticketId) {
        return notices.findByTicketIdOrderBySentAtAsc(ticketId).stream().map(InGameNoticeRecord::view).toList();
    }

    /** The latest message per violation, for the violations' rows. */
    @Transactional(readOnly = true)
    public Map<UUID, NoticeView> forViolations(Collection<UUID> violationIds) {
        if (violationIds.isEmpty()) {
            return Map.of();
        }
        return notices.findByViolationIdIn(violationIds).stream().map(InGameNoticeRecord::view)
                .collect(Collectors.toMap(NoticeView::violationId, Function.identity(),
                        (a, b) -> a.sentAt().isAfter(b.sentAt()) ? a : b));
    }

    private String channelName(String channel, Locale locale) {
        return messages.getMessage("gm.notify.channel." + channel, null, channel, locale);
    }
}

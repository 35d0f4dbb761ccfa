package org.playerdesk.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.system.validation.Codes;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.internal.AccountAction;
import org.playerdesk.enforcement.internal.AccountActionRepository;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.Currency;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.hibernate.validator.constraints.Range;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Every action on a game account goes through here: checked, compared with the asker's authority
 * limit, run at once or held for a supervisor, and run through the game's backend with the
 * request's own idempotency key, so that a double submit, a retry or a second approval click runs
 * it once. Each step is written into the ticket's history and the audit log in the same
 * transaction as the action's state.
 */
@Service
@Transactional
public class AccountActions {

    public static final long AMOUNT_MAX = 1_000_000_000L;
    public static final int DAYS_MAX = 3650;
    public static final long ITEMS_MAX = 10_000;
    static final String KEY_PATTERN = "[A-Za-z0-9_-]{8,64}";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final AccountActionRepository actions;
    private final AuthorityLimits limits;
    private final ObjectProvider<GameBackends> backends;
    private final GameCatalog games;
    private final TicketDesk desk;
    private final AuditLog audit;
    private final MessageSource messages;
    private final GameAccounts accounts;
    private final InGameNotices notices;
    private final Clock clock;
    private final InputValidation validation;

    AccountActions(AccountActionRepository actions, AuthorityLimits limits, ObjectProvider<GameBackends> backends,
            GameCatalog games, TicketDesk desk, AuditLog audit, MessageSource messages, GameAccounts accounts,
            InGameNotices notices, Clock clock, InputValidation validation) {
        this.validation = validation;
        this.accounts = accounts;
        this.notices = notices;
        this.actions = actions;
        this.limits = limits;
        this.backends = backends;
        this.games = games;
        this.desk = desk;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Asks for an action. Within the asker's limit it runs at once; above it, it waits for a
     * supervisor. A request key seen before answers the first request, unchanged.
     */
    public ActionView request(ActionRequest request, StaffMember requester) {
        return request(request, requester, false);
    }

    /**
     * Asks for an action; {@code held} makes it wait for a supervisor even within the asker's limit
     * (the bans of a group sanction wait together when one of them is above the limit).
     */
    public ActionView request(ActionRequest request, StaffMember requester, boolean held) {
        if (request.requestKey() != null && !request.requestKey().isBlank()) {
            Optional<AccountAction> earlier = actions.findByRequestKey(request.requestKey().strip());
            if (earlier.isPresent()) {
                return earlier.get().view();
            }
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        ActionKind kind = kind(request.kind(), errors);
        String accountId = tidy(request.accountId());
        String reason = tidy(request.reason());
        Long amount = kind == ActionKind.COMPENSATE ? request.amount() : null;
        Integer days = kind == ActionKind.BAN ? request.days() : null;
        String key = request.requestKey() == null || request.requestKey().isBlank() ? Ids.next().toString()
                : request.requestKey().strip();
        errors.addAll(validation.errors(new CheckedRequest(accountId, reason, amount, days, key, request.gameId())));
        Currency currency = null;
        if (kind == ActionKind.COMPENSATE) {
            // how much may be given depends on the kind and on whether the game's currency is an item
            if (amount == null) {
                errors.add(new InvalidInput.FieldError("amount", "invalid.range", 1, AMOUNT_MAX));
            }
            if (request.gameId() != null) {
                currency = currency(request.gameId(), request.currency());
                if (currency == null) {
                    errors.add(new InvalidInput.FieldError("currency", "invalid.currency"));
                } else if (currency.item() && amount != null && amount > ITEMS_MAX) {
                    errors.add(new InvalidInput.FieldError("amount", "invalid.range", 1, ITEMS_MAX));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(e -> CheckedRequest.FIELDS.indexOf(e.field())));
            throw new InvalidInput(errors);
        }
        if (!requester.serves(request.gameId())) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        String code = currency == null || currency.primary() ? null : currency.code();
        AccountAction action = actions.save(new AccountAction(request.gameId(), request.ticketId(), accountId, kind,
                amount, days, reason, key, requester, clock.instant()).in(code));
        String hold = kind == ActionKind.UNBAN && !requester.role().grants(Permission.ASSIGN_OTHERS)
                && partner(request.gameId(), accountId) ? ActionView.PARTNER : null;
        if (!held && hold == null && limits.allows(requester.role(), kind, amount, days, code)) {
            perform(action, requester);
        } else {
            action.awaitApproval(hold);
            note(action, Actor.agent(requester.id(), requester.displayName()), "gm.history.requested");
            audit.record(requester, request.gameId(), "game.request", "account", accountId, describe(action, Locale.ENGLISH));
        }
        return action.view();
    }

    /** A supervisor approves a held action, which then runs. */
    public ActionView approve(UUID actionId, StaffMember supervisor, String comment) {
        AccountAction action = decidable(actionId, supervisor, comment, false);
        action.decide(true, supervisor, clean(comment), clock.instant());
        audit.record(supervisor, action.view().gameId(), "game.approve", "account", action.view().accountId(),
                describe(action, Locale.ENGLISH));
        perform(action, supervisor);
        return action.view();
    }

    /** A supervisor refuses a held action; the comment, required, tells the agent why. */
    public ActionView reject(UUID actionId, StaffMember supervisor, String comment) {
        AccountAction action = decidable(actionId, supervisor, comment, true);
        action.decide(false, supervisor, clean(comment), clock.instant());
        note(action, Actor.agent(supervisor.id(), supervisor.displayName()), "gm.history.rejected");
        audit.record(supervisor, action.view().gameId(), "game.reject", "account", action.view().accountId(),
                describe(action, Locale.ENGLISH));
        return action.view();
    }

    /** Runs a failed action again, with its own idempotency key: the backend applies it at most once. */
    public ActionView retry(UUID actionId, StaffMember member) {
        AccountAction action = load(actionId);
        if (!member.serves(action.view().gameId())) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        if (action.state() != ActionState.FAILED) {
            throw new RuleViolation("gm.action.notFailed", "only a failed action can be run again");
        }
        perform(action, member);
        return action.view();
    }

    @Transactional(readOnly = true)
    public ActionView get(UUID actionId) {
        return load(actionId).view();
    }

    @Transactional(readOnly = true)
    public Optional<ActionView> byRequestKey(String requestKey) {
        return actions.findByRequestKey(requestKey).map(AccountAction::view);
    }

    @Transactional(readOnly = true)
    public List<ActionView> forTicket(UUID ticketId) {
        return actions.findByTicketIdOrderByRequestedAtAsc(ticketId).stream().map(AccountAction::view).toList();
    }

    /** Held actions of the games this supervisor serves (all games for an admin), oldest first. */
    @Transactional(readOnly = true)
    public List<ActionView> awaitingApproval(StaffMember supervisor) {
        List<AccountAction> found = supervisor.role().seesAllGames()
                ? actions.findByStateOrderByRequestedAtAsc(ActionState.PENDING_APPROVAL)
                : supervisor.gameIds().isEmpty() ? List.of()
                        : actions.findByStateAndGameIdInOrderByRequestedAtAsc(ActionState.PENDING_APPROVAL,
                                supervisor.gameIds());
        return found.stream().map(AccountAction::view).toList();
    }

    /** What this member of staff asked for lately, newest first. */
    @Transactional(readOnly = true)
    public List<ActionView> requestedBy(UUID staffId, int limit) {
        return actions.findByRequestedByOrderByRequestedAtDesc(staffId, PageRequest.of(0, limit)).stream()
                .map(AccountAction::view).toList();
    }

    /** Whether this member of staff may do this alone (the page says beforehand what will need approval). */
    public boolean withinLimit(StaffMember member, ActionKind kind, Long amount, Integer days) {
        return limits.allows(member.role(), kind, amount, days);
    }

    /**
     * Whether lifting this player's ban needs a supervisor whoever asks: players of a partner
     * channel (合作方用户) are not unbanned by an agent alone (seed: 合作方用户…一律封号). A game that
     * cannot say is taken at its word later: the unban then fails like any unreachable action.
     */
    private boolean partner(UUID gameId, String accountId) {
        try {
            GameBackends all = backends.getIfAvailable();
            return all != null && all.connected(gameId) && all.of(gameId).profile(accountId).partner();
        } catch (GameBackendUnavailable | UnknownAccount e) {
            return false;
        }
    }

    /** The game's currencies and items, the primary currency first. */
    private List<Currency> currencies(UUID gameId) {
        return accounts.currencyList(gameId);
    }

    /** The currency or item of this code (null or blank: the primary currency); null when the game has none such. */
    private Currency currency(UUID gameId, String code) {
        List<Currency> all = currencies(gameId);
        if (code == null || code.isBlank()) {
            return all.stream().filter(Currency::primary).findFirst().orElse(all.getFirst());
        }
        return all.stream().filter(c -> c.code().equals(code.strip())).findFirst().orElse(null);
    }

    public AuthorityLimits.Limit limitOf(StaffMember member) {
        return limits.of(member.role());
    }

    /**
     * The shape of an action asked for, each text without the blanks around it: the amount only of
     * a compensation, the days only of a ban.
     */
    record CheckedRequest(
            @NotBlank(message = "{invalid.blank}")
            @Size(max = PlayerDirectory.ACCOUNT_ID_MAX, message = "{invalid.tooLong}") @SingleLine String accountId,
            @NotBlank(message = "{invalid.blank}") @Size(max = 500, message = "{invalid.tooLong}") @SingleLine
            String reason,
            @Range(min = 1, max = AMOUNT_MAX, message = "{invalid.range.between}") Long amount,
            @Range(min = 1, max = DAYS_MAX, message = "{invalid.banDays}") Integer days,
            @jakarta.validation.constraints.Pattern(regexp = KEY_PATTERN, message = "{invalid.requestKey}")
            String requestKey,
            @NotNull(message = "{invalid.required}") UUID gameId) {

        static final List<String> FIELDS = List.of("kind", "accountId", "reason", "amount", "currency", "days",
                "requestKey", "gameId");
    }

    /** A supervisor's comment on a decision: one line, required when the action is refused. */
    record Comment(@Size(max = 500, message = "{invalid.tooLong}") @SingleLine String comment) {
    }

    static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The kind asked for by its code; none or an unknown one is refused, naming the valid codes. */
    private static ActionKind kind(String value, List<InvalidInput.FieldError> errors) {
        return Codes.read("kind", value, ActionKind.class, null, errors);
    }

    private AccountAction decidable(UUID actionId, StaffMember supervisor, String comment, boolean commentRequired) {
        AccountAction action = load(actionId);
        ActionView view = action.view();
        if (!supervisor.role().grants(Permission.ASSIGN_OTHERS) || !supervisor.serves(view.gameId())) {
            throw new AccessDeniedException("only a supervisor of the game decides");
        }
        if (supervisor.id().equals(action.requestedBy())) {
            throw new RuleViolation("gm.action.ownRequest", "nobody approves their own request");
        }
        if (!limits.allows(supervisor.role(), view.kind(), view.amount(), view.days(), view.currency())) {
            throw new RuleViolation("gm.action.aboveLimit", "this action is above the approver's own limit");
        }
        String tidied = tidy(comment);
        if (tidied == null && commentRequired) {
            throw InvalidInput.of("comment", "invalid.blank");
        }
        validation.check(new Comment(tidied));
        if (action.state() != ActionState.PENDING_APPROVAL) {
            throw new RuleViolation("gm.action.decided", "this action is not waiting for approval");
        }
        return action;
    }

    private void perform(AccountAction action, StaffMember operator) {
        ActionView view = action.view();
        GameAction command = command(view, action.requestKey(), operator.username());
        Instant now = clock.instant();
        try {
            GameBackends all = backends.getIfAvailable();
            if (all == null) {
                throw new GameBackendUnavailable("no game backends are configured");
            }
            ActionResult result = all.of(view.gameId()).perform(command);
            action.performed(result, now);
        } catch (GameBackendUnavailable | UnknownAccount e) {
            action.unreachable(e.getMessage(), now);
        }
        note(action, Actor.agent(operator.id(), operator.displayName()),
                action.state() == ActionState.DONE ? "gm.history.done" : "gm.history.failed");
        if (action.state() == ActionState.DONE) {
            tellThePlayer(action.view(), action.requestKey(), operator);
        }
        audit.record(operator, view.gameId(), "game." + view.kind().code(), "account", view.accountId(),
                describe(action, Locale.ENGLISH) + " → " + action.state().code()
                        + (action.view().resultReference() == null ? "" : " " + action.view().resultReference()));
    }

    /** The seed's 告示提醒玩家: what was done to the account, told in the game in its language. */
    private void tellThePlayer(ActionView view, String key, StaffMember operator) {
        Locale locale = notices.locale(view.gameId());
        InGameNotices.About about = new InGameNotices.About(view.ticketId(), null, view.id());
        String notifyKey = key + "-n";
        switch (view.kind()) {
            case BAN -> notices.deliverStandard(view.gameId(), view.accountId(), InGameNotices.Cause.SANCTION, about,
                    "ban", new Object[] {view.accountId(), view.reason(), length(view, locale)}, notifyKey, operator);
            case UNBAN -> notices.deliverStandard(view.gameId(), view.accountId(), InGameNotices.Cause.LIFTED, about,
                    "unban", new Object[] {view.accountId()}, notifyKey, operator);
            case COMPENSATE -> notices.deliverStandard(view.gameId(), view.accountId(),
                    InGameNotices.Cause.COMPENSATION, about, "compensate",
                    new Object[] {view.accountId(), amount(view, locale), view.reason()}, notifyKey, operator);
            case FREEZE -> notices.deliverStandard(view.gameId(), view.accountId(), InGameNotices.Cause.PROTECTION,
                    about, "freeze", new Object[] {view.accountId()}, notifyKey, operator);
            case RESET_PASSWORD -> {
                // the game tells the player itself when they next sign in
            }
        }
    }

    private String length(ActionView view, Locale locale) {
        return view.days() == null ? messages.getMessage("gm.permanent", null, "permanent", locale)
                : messages.getMessage("gm.days", new Object[] {view.days()}, view.days() + " d", locale);
    }

    /** "5000 钻石": a compensation's amount with its currency's name in the reader's language. */
    public String amount(ActionView view, Locale locale) {
        Currency currency = currency(view.gameId(), view.currency());
        return view.amount() + " " + (currency == null ? view.currency() : currency.name(locale));
    }

    private GameAction command(ActionView view, String key, String operator) {
        Currency currency = view.kind() == ActionKind.COMPENSATE ? currency(view.gameId(), view.currency()) : null;
        boolean item = currency != null && currency.item();
        return switch (view.kind()) {
            case BAN -> new GameAction.Ban(key, view.accountId(), operator,
                    view.days() == null ? null : Duration.ofDays(view.days()), view.reason());
            case UNBAN -> new GameAction.Unban(key, view.accountId(), operator, view.reason());
            case COMPENSATE -> item
                    ? new GameAction.Compensate(key, view.accountId(), operator, null, 0, view.currency(),
                            view.amount().intValue(), view.reason())
                    : new GameAction.Compensate(key, view.accountId(), operator, view.currency(), view.amount(), null,
                            0, view.reason());
            case FREEZE -> new GameAction.Freeze(key, view.accountId(), operator, view.reason());
            case RESET_PASSWORD -> new GameAction.ResetPassword(key, view.accountId(), operator);
        };
    }

    /** The action in words, in the given language: "compensate 5000 (drained by a thief)". */
    public String describe(ActionView view, Locale locale) {
        String what = messages.getMessage("gm.action." + view.kind().code(), null, view.kind().code(), locale);
        String size = view.kind() == ActionKind.COMPENSATE ? " " + amount(view, locale)
                : view.kind() == ActionKind.BAN ? " " + length(view, locale) : "";
        return what + size + " · " + view.accountId();
    }

    private String describe(AccountAction action, Locale locale) {
        return describe(action.view(), locale);
    }

    /** Writes the step into the ticket's history, in the game's language. */
    private void note(AccountAction action, Actor actor, String key) {
        ActionView view = action.view();
        if (view.ticketId() == null) {
            return;
        }
        Locale locale = Locale.forLanguageTag(games.get(view.gameId()).defaultLocale());
        desk.recordInHistory(view.ticketId(), actor, messages.getMessage(key,
                new Object[] {describe(view, locale), view.decisionComment() == null ? "" : view.decisionComment()},
                locale));
    }

    private AccountAction load(UUID id) {
        return actions.findById(id).orElseThrow(() -> new NotFoundException("action", id));
    }

    private static String clean(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}

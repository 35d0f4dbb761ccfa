package org.playerdesk.enforcement.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.enforcement.AuthorityLimits;
import org.playerdesk.enforcement.InGameNotices;
import org.playerdesk.enforcement.NoticeView;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.AccountSnapshot;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.Currency;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.ticket.TicketOnPage;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The ticket's account actions beside the conversation: what was asked, its state, and a form to ask. */
@Component
class AccountActionsPanel implements TicketPanel {

    private final AccountActions actions;
    private final PlayerDirectory players;
    private final InGameNotices notices;
    private final GameAccounts accounts;
    private final Clock clock;

    AccountActionsPanel(AccountActions actions, PlayerDirectory players, InGameNotices notices, GameAccounts accounts,
            Clock clock) {
        this.clock = clock;
        this.actions = actions;
        this.players = players;
        this.notices = notices;
        this.accounts = accounts;
    }

    /**
     * {@code currencies} are the game's currencies and items in the reader's language, each with the
     * reader's limit; {@code amounts} names each compensation's amount and currency by action id;
     * {@code partnerChannel} is the partner the player came through (null: direct), whose ban an
     * agent does not lift alone. {@code kinds} are the actions that make sense for the account as the game
     * shows it (no unban without an active ban, no second freeze); {@code accountLabel} is the
     * account id and nickname the confirmation names.
     */
    record Data(UUID ticketId, String accountId, List<ActionView> actions, String requestKey,
            AuthorityLimits.Limit limit, List<ActionKind> kinds, boolean canAct, List<CurrencyLimit> currencies,
            Map<UUID, String> amounts, List<NoticeView> notices, String partnerChannel, String accountLabel) {
    }

    /** A currency or item by name, and the most of it the reader may give alone (negative: no limit). */
    record CurrencyLimit(String code, String name, boolean item, long limit) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public String template() {
        return "enforcement/actions-panel";
    }

    @Override
    public String title() {
        return "gm.actions.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        return data(ticket, players.get(ticket.playerId()).accountId(), viewer);
    }

    /** The player the page has read already. */
    @Override
    public Optional<Object> data(TicketOnPage page, StaffUser viewer) {
        return data(page.ticket(), page.player().accountId(), viewer);
    }

    private Optional<Object> data(TicketView ticket, String accountId, StaffUser viewer) {
        Locale locale = LocaleContextHolder.getLocale();
        AuthorityLimits.Limit limit = actions.limitOf(viewer.member());
        // the account's snapshot names the game's currencies: the page asks the game nothing more for the form
        AccountSnapshot snapshot = accounts.snapshot(ticket.gameId(), accountId);
        List<CurrencyLimit> currencies = limits(snapshot.currencies(), limit, locale);
        List<ActionView> done = actions.forTicket(ticket.id());
        Map<UUID, String> amounts = new HashMap<>();
        done.stream().filter(a -> a.amount() != null).forEach(a -> amounts.put(a.id(), actions.amount(a, locale)));
        String partner = snapshot.profile() != null && snapshot.profile().partner()
                ? snapshot.profile().partnerChannel() : null;
        return Optional.of(new Data(ticket.id(), accountId, done, Ids.next().toString(), limit,
                kinds(snapshot, clock.instant()), viewer.can(Permission.WORK_TICKETS), currencies, amounts,
                notices.forTicket(ticket.id()), partner, label(accountId, snapshot.profile())));
    }

    /** The account as a confirmation names it: its id, and its nickname when the game told it. */
    static String label(String accountId, AccountProfile profile) {
        return profile == null || profile.nickname() == null || profile.nickname().isBlank() ? accountId
                : accountId + " " + profile.nickname();
    }

    /**
     * Every action when the game cannot say how the account stands; otherwise only those that change
     * something: an unban only while a ban is in force, a freeze only while the account is not frozen
     * (a ban stays offered: a temporary ban may become a longer or permanent one).
     */
    static List<ActionKind> kinds(AccountSnapshot snapshot, Instant now) {
        if (!snapshot.available() || snapshot.profile() == null) {
            return List.of(ActionKind.values());
        }
        boolean banned = snapshot.profile().status() == AccountStatus.BANNED
                || snapshot.bans().stream().anyMatch(b -> b.activeAt(now));
        boolean frozen = snapshot.profile().status() == AccountStatus.FROZEN;
        return Arrays.stream(ActionKind.values()).filter(k -> switch (k) {
            case UNBAN -> banned;
            case FREEZE -> !frozen;
            default -> true;
        }).toList();
    }

    /** The game's currencies with the reader's limit for each, in the reader's language. */
    static List<CurrencyLimit> limits(List<Currency> currencies, AuthorityLimits.Limit limit, Locale locale) {
        return currencies.stream().map(c -> new CurrencyLimit(c.code(), c.name(locale), c.item(),
                limit.compensate(c.primary() ? null : c.code()))).toList();
    }
}

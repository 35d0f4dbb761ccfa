package org.playerdesk.playbook.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.ActionState;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.Currency;
import org.playerdesk.game.AccountReading;
import org.playerdesk.game.AccountSnapshot;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.playbook.Playbooks;
import org.playerdesk.playbook.RunView;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.ticket.TicketOnPage;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The standard procedure on the ticket page, under the conversation: before it starts, the
 * procedure suggested by the ticket's type (and the others); once started, its checklist with the
 * current step's game data and, where the step has one, the account action it leads to.
 */
@Component
class PlaybookPanel implements TicketPanel {

    static final int LOGINS_SHOWN = 20;
    static final int COUNTERPARTIES = 5;

    private final Playbooks playbooks;
    private final PlayerDirectory players;
    private final GameAccounts accounts;
    private final AuditLog audit;
    private final Enforcement enforcement;
    private final AccountActions accountActions;
    private final PersonalData personalData;

    PlaybookPanel(Playbooks playbooks, PlayerDirectory players, GameAccounts accounts, AuditLog audit,
            Enforcement enforcement, AccountActions accountActions, PersonalData personalData) {
        this.accountActions = accountActions;
        this.enforcement = enforcement;
        this.playbooks = playbooks;
        this.players = players;
        this.accounts = accounts;
        this.audit = audit;
        this.personalData = personalData;
    }

    /**
     * {@code currencies} name the game's currencies and items for a compensation step;
     * {@code partnerChannel} is the partner a player came through (null: direct), shown at an
     * unban step, whose ban an agent does not lift alone. At a trades step, {@code violationTypes}
     * let the agent record the other account's violation on its ladder ({@code sanctionType} first).
     * {@code accountLabel} is the account id and nickname the action's confirmation names;
     * {@code stepAction} is the step's action once asked for on this ticket and not failed or
     * refused (null: not yet), shown in place of the button that would ask for it again.
     */
    record Data(UUID ticketId, UUID gameId, String accountId, List<PlaybookView> playbooks, PlaybookView suggested,
            RunView run, PlaybookView.Step current, StepData data, String requestKey, Map<String, String> currencies,
            String partnerChannel, List<ViolationTypeView> violationTypes, String accountLabel, ActionView stepAction) {

        public static final String SANCTION_TYPE = "scamming";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String template() {
        return "playbook/panel";
    }

    @Override
    public String title() {
        return "pb.title";
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
        Optional<RunView> run = playbooks.runOn(ticket.id());
        if (run.isEmpty()) {
            List<PlaybookView> all = playbooks.of(ticket.gameId());
            PlaybookView suggested = all.stream().filter(p -> p.ticketType() == ticket.type()).findFirst().orElse(null);
            return Optional.of(new Data(ticket.id(), ticket.gameId(), accountId, all, suggested, null, null, null, null,
                    Map.of(), null, List.of(), accountId, null));
        }
        PlaybookView.Step current = run.get().finished() ? null : run.get().current();
        Locale locale = LocaleContextHolder.getLocale();
        boolean needsCurrencies = current != null && (current.action() == ActionKind.COMPENSATE
                || current.data() == DataKind.LEDGER || current.data() == DataKind.TRADES
                || current.data() == DataKind.PROFILE || current.data() == DataKind.REDEMPTIONS);
        List<Currency> currencies = needsCurrencies ? accounts.snapshot(ticket.gameId(), accountId).currencies()
                : List.of();
        StepData data = current == null || current.data() == DataKind.NONE ? null
                : load(ticket, viewer, accountId, current, run.get());
        Map<String, String> names = new LinkedHashMap<>();
        currencies.forEach(c -> names.put(c.code(), c.name(locale)));
        String partner = current != null && current.action() == ActionKind.UNBAN
                ? accounts.profile(ticket.gameId(), accountId).filter(AccountProfile::partner)
                        .map(AccountProfile::partnerChannel).orElse(null)
                : null;
        List<ViolationTypeView> types = current != null && current.data() == DataKind.TRADES && data != null
                && !data.counterparties().isEmpty()
                        ? enforcement.types(ticket.gameId()).stream()
                                .sorted(java.util.Comparator.comparing(t -> !Data.SANCTION_TYPE.equals(t.code()))).toList()
                        : List.of();
        ActionView stepAction = current == null || current.action() == null ? null : stepAction(ticket, current.action());
        String label = current == null || current.action() == null ? accountId
                : accounts.profile(ticket.gameId(), accountId).map(AccountProfile::nickname)
                        .filter(n -> !n.isBlank()).map(n -> accountId + " " + n).orElse(accountId);
        return Optional.of(new Data(ticket.id(), ticket.gameId(), accountId, List.of(), null, run.get(), current,
                data == null ? null : data.named(currencies, locale).withIps(personalData::ip), Ids.next().toString(),
                names, partner, types, label, stepAction));
    }

    /** The latest action of this kind on the ticket, unless it failed or was refused (then it may be asked again). */
    private ActionView stepAction(TicketView ticket, ActionKind kind) {
        return accountActions.forTicket(ticket.id()).stream().filter(a -> a.kind() == kind)
                .reduce((first, second) -> second)
                .filter(a -> a.state() != ActionState.FAILED && a.state() != ActionState.REJECTED)
                .orElse(null);
    }

    /**
     * The step's data through the page's budgeted, cached reads: the account snapshot the player
     * panel reads too, and the one other kind the step needs, so a view never waits longer than
     * the page budget.
     */
    private StepData load(TicketView ticket, StaffUser viewer, String accountId, PlaybookView.Step step, RunView run) {
        UUID gameId = ticket.gameId();
        DataKind kind = step.data();
        return switch (kind) {
            case NONE -> null;
            case PROFILE, LOGINS, BANS, LINKED_ACCOUNTS -> {
                AccountSnapshot snapshot = accounts.snapshot(gameId, accountId);
                if (!snapshot.available()) {
                    yield unavailable(kind, snapshot.state());
                }
                AccountProfile profile = snapshot.profile();
                yield switch (kind) {
                    case LOGINS -> {
                        audit.record(viewer.member(), gameId, "game.logins", "account", accountId,
                                "procedure step: " + step.title());
                        List<LoginRecord> logins = snapshot.logins();
                        yield new StepData(kind, profile,
                                StepData.mark(profile, logins.subList(0, Math.min(LOGINS_SHOWN, logins.size()))),
                                List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null);
                    }
                    case BANS -> new StepData(kind, profile, List.of(), List.of(), null, null, List.of(), List.of(),
                            snapshot.bans(), List.of(), null);
                    case LINKED_ACCOUNTS -> {
                        audit.record(viewer.member(), gameId, "game.linked", "account", accountId,
                                "procedure step: " + step.title());
                        yield new StepData(kind, null, List.of(), List.of(), null, null, List.of(), List.of(),
                                List.of(), snapshot.linked(), null);
                    }
                    default -> withProfile(kind, profile);
                };
            }
            case LEDGER, TRADES -> {
                Instant around = run.reportedAt() != null ? run.reportedAt() : ticket.createdAt();
                Duration window = Duration.ofHours(step.windowHours() == null ? 24 : step.windowHours());
                Instant from = around.minus(window);
                Instant to = around.plus(window);
                AccountReading<List<LedgerEntry>> ledger = accounts.ledger(gameId, accountId, from, to);
                if (!ledger.available()) {
                    yield unavailable(kind, ledger.state());
                }
                List<LedgerEntry> entries = kind == DataKind.TRADES
                        ? ledger.value().stream().filter(e -> e.counterparty() != null).toList() : ledger.value();
                AccountSnapshot snapshot = accounts.snapshot(gameId, accountId);
                StepData data = new StepData(kind, snapshot.profile(), List.of(), entries, from, to, List.of(),
                        List.of(), List.of(), List.of(), null);
                yield kind == DataKind.TRADES
                        ? data.with(counterparties(gameId, entries, from, to, viewer, step, snapshot.currencies()))
                        : data;
            }
            case PURCHASES -> {
                AccountReading<List<Purchase>> purchases = accounts.purchases(gameId, accountId);
                yield purchases.available() ? new StepData(kind, null, List.of(), List.of(), null, null,
                        purchases.value(), List.of(), List.of(), List.of(), null) : unavailable(kind, purchases.state());
            }
            case REDEMPTIONS -> {
                AccountReading<List<Redemption>> redemptions = accounts.redemptions(gameId, accountId);
                yield redemptions.available() ? new StepData(kind, null, List.of(), List.of(), null, null, List.of(),
                        redemptions.value(), List.of(), List.of(), null) : unavailable(kind, redemptions.state());
            }
        };
    }

    /** The other accounts of the trades (the first {@value #COUNTERPARTIES}), each with its ledger in the window. */
    private List<StepData.Counterparty> counterparties(UUID gameId, List<LedgerEntry> trades, Instant from, Instant to,
            StaffUser viewer, PlaybookView.Step step, List<Currency> currencies) {
        Locale locale = LocaleContextHolder.getLocale();
        String primary = currencies.getFirst().code();
        return trades.stream().map(LedgerEntry::counterparty).distinct().limit(COUNTERPARTIES).map(other -> {
            audit.record(viewer.member(), gameId, "game.ledger", "account", other, "procedure step: " + step.title());
            AccountReading<List<LedgerEntry>> ledger = accounts.ledger(gameId, other, from, to);
            String nickname = accounts.profile(gameId, other).map(AccountProfile::nickname).orElse(null);
            return ledger.available()
                    ? new StepData.Counterparty(other, nickname,
                            StepData.Ledger.split(ledger.value(), currencies, primary, locale), null)
                    : new StepData.Counterparty(other, nickname, List.of(), unavailable(DataKind.LEDGER,
                            ledger.state()).unavailable());
        }).toList();
    }

    private static StepData unavailable(DataKind kind, AccountSnapshot.State state) {
        return StepData.unavailable(kind, switch (state) {
            case NOT_CONNECTED -> "not-connected";
            case UNKNOWN_ACCOUNT -> "unknown-account";
            default -> "unavailable";
        });
    }

    private static StepData withProfile(DataKind kind, AccountProfile profile) {
        return new StepData(kind, profile, List.of(), List.of(), null, null, List.of(), List.of(), List.of(),
                List.of(), null);
    }
}

package org.playerdesk.playbook.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountProfile;
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
import org.playerdesk.system.Ids;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The standard procedure on the ticket page, under the conversation: before it starts, the
 * procedure suggested by the ticket's type (and the others); once started, its checklist with the
 * current step's game data and, where the step has one, the account action it leads to.
 */
@Component
class PlaybookPanel implements TicketPanel {

    static final int LOGINS_SHOWN = 20;

    private final Playbooks playbooks;
    private final PlayerDirectory players;
    private final GameAccounts accounts;
    private final AuditLog audit;

    PlaybookPanel(Playbooks playbooks, PlayerDirectory players, GameAccounts accounts, AuditLog audit) {
        this.playbooks = playbooks;
        this.players = players;
        this.accounts = accounts;
        this.audit = audit;
    }

    record Data(UUID ticketId, String accountId, List<PlaybookView> playbooks, PlaybookView suggested, RunView run,
            PlaybookView.Step current, StepData data, String requestKey) {
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
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        String accountId = players.get(ticket.playerId()).accountId();
        Optional<RunView> run = playbooks.runOn(ticket.id());
        if (run.isEmpty()) {
            List<PlaybookView> all = playbooks.of(ticket.gameId());
            PlaybookView suggested = all.stream().filter(p -> p.ticketType() == ticket.type()).findFirst().orElse(null);
            return Optional.of(new Data(ticket.id(), accountId, all, suggested, null, null, null, null));
        }
        PlaybookView.Step current = run.get().finished() ? null : run.get().current();
        StepData data = current == null || current.data() == DataKind.NONE ? null
                : load(ticket, viewer, accountId, current, run.get());
        return Optional.of(new Data(ticket.id(), accountId, List.of(), null, run.get(), current, data,
                Ids.next().toString()));
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
            case LEDGER -> {
                Instant around = run.reportedAt() != null ? run.reportedAt() : ticket.createdAt();
                Duration window = Duration.ofHours(step.windowHours() == null ? 24 : step.windowHours());
                Instant from = around.minus(window);
                Instant to = around.plus(window);
                AccountReading<List<LedgerEntry>> ledger = accounts.ledger(gameId, accountId, from, to);
                if (!ledger.available()) {
                    yield unavailable(kind, ledger.state());
                }
                yield new StepData(kind, accounts.snapshot(gameId, accountId).profile(), List.of(), ledger.value(),
                        from, to, List.of(), List.of(), List.of(), List.of(), null);
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

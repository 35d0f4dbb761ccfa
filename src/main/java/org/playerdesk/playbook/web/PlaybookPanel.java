package org.playerdesk.playbook.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.playbook.Playbooks;
import org.playerdesk.playbook.RunView;
import org.playerdesk.system.Ids;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<GameBackends> backends;
    private final AuditLog audit;

    PlaybookPanel(Playbooks playbooks, PlayerDirectory players, ObjectProvider<GameBackends> backends,
            AuditLog audit) {
        this.playbooks = playbooks;
        this.players = players;
        this.backends = backends;
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

    private StepData load(TicketView ticket, StaffUser viewer, String accountId, PlaybookView.Step step, RunView run) {
        GameBackends all = backends.getIfAvailable();
        if (all == null || !all.connected(ticket.gameId())) {
            return StepData.unavailable(step.data(), "not-connected");
        }
        try {
            GameBackend game = all.of(ticket.gameId());
            return switch (step.data()) {
                case NONE -> null;
                case PROFILE -> withProfile(step.data(), game.profile(accountId));
                case LOGINS -> {
                    AccountProfile profile = game.profile(accountId);
                    audit.record(viewer.member(), ticket.gameId(), "game.logins", "account", accountId,
                            "procedure step: " + step.title());
                    yield new StepData(step.data(), profile,
                            StepData.mark(profile, game.logins(accountId, LOGINS_SHOWN)), List.of(), null, null,
                            List.of(), List.of(), List.of(), List.of(), null);
                }
                case LEDGER -> {
                    Instant around = run.reportedAt() != null ? run.reportedAt() : ticket.createdAt();
                    Duration window = Duration.ofHours(step.windowHours() == null ? 24 : step.windowHours());
                    Instant from = around.minus(window);
                    Instant to = around.plus(window);
                    yield new StepData(step.data(), game.profile(accountId), List.of(),
                            game.ledger(accountId, from, to), from, to, List.of(), List.of(), List.of(), List.of(),
                            null);
                }
                case PURCHASES -> new StepData(step.data(), null, List.of(), List.of(), null, null,
                        game.purchases(accountId), List.of(), List.of(), List.of(), null);
                case REDEMPTIONS -> new StepData(step.data(), null, List.of(), List.of(), null, null, List.of(),
                        game.redemptions(accountId), List.of(), List.of(), null);
                case BANS -> new StepData(step.data(), game.profile(accountId), List.of(), List.of(), null, null,
                        List.of(), List.of(), game.bans(accountId), List.of(), null);
                case LINKED_ACCOUNTS -> {
                    audit.record(viewer.member(), ticket.gameId(), "game.linked", "account", accountId,
                            "procedure step: " + step.title());
                    yield new StepData(step.data(), null, List.of(), List.of(), null, null, List.of(), List.of(),
                            List.of(), game.linkedAccounts(accountId), null);
                }
            };
        } catch (UnknownAccount e) {
            return StepData.unavailable(step.data(), "unknown-account");
        } catch (GameBackendUnavailable e) {
            return StepData.unavailable(step.data(), "unavailable");
        }
    }

    private static StepData withProfile(DataKind kind, AccountProfile profile) {
        return new StepData(kind, profile, List.of(), List.of(), null, null, List.of(), List.of(), List.of(),
                List.of(), null);
    }
}

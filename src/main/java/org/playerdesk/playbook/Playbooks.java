package org.playerdesk.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.InGameNotices;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.playbook.internal.DefaultPlaybooks;
import org.playerdesk.playbook.internal.Playbook;
import org.playerdesk.playbook.internal.PlaybookRepository;
import org.playerdesk.playbook.internal.PlaybookRun;
import org.playerdesk.playbook.internal.PlaybookRunRepository;
import org.playerdesk.playbook.internal.PlaybookSeeder;
import org.playerdesk.playbook.internal.PlaybookStep;
import org.playerdesk.playbook.internal.StepOutcome;
import org.playerdesk.playbook.internal.StepOutcomeRepository;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.placeholder.Placeholders;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A game's standard procedures and their runs on tickets. A game without procedures gets the
 * shipped defaults, in its language, the first time they are asked for.
 */
@Service
@Transactional
public class Playbooks {

    public static final int OUTCOME_MAX = 1000;

    private final PlaybookRepository playbooks;
    private final PlaybookRunRepository runs;
    private final StepOutcomeRepository outcomes;
    private final GameCatalog games;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final PlayerDirectory players;
    private final ObjectProvider<GameBackends> backends;
    private final PlaybookSeeder seeder;
    private final InGameNotices notices;
    private final Clock clock;

    Playbooks(PlaybookRepository playbooks, PlaybookRunRepository runs, StepOutcomeRepository outcomes,
            GameCatalog games, TicketQueries tickets, TicketDesk desk, PlayerDirectory players,
            ObjectProvider<GameBackends> backends, PlaybookSeeder seeder, InGameNotices notices, Clock clock) {
        this.notices = notices;
        this.backends = backends;
        this.seeder = seeder;
        this.playbooks = playbooks;
        this.runs = runs;
        this.outcomes = outcomes;
        this.games = games;
        this.tickets = tickets;
        this.desk = desk;
        this.players = players;
        this.clock = clock;
    }

    /** The game's procedures, seeding the shipped defaults on first use. */
    public List<PlaybookView> of(UUID gameId) {
        List<PlaybookView> found = playbooks.findByGameIdOrderByCode(gameId).stream().map(Playbook::view).toList();
        if (!found.stream().map(PlaybookView::code).collect(Collectors.toSet()).containsAll(DefaultPlaybooks.CODES)) {
            seedDefaults(gameId);
            return playbooks.findByGameIdOrderByCode(gameId).stream().map(Playbook::view).toList();
        }
        return found;
    }

    /** The procedure for a ticket of this type, if the game has one. */
    public Optional<PlaybookView> suggestedFor(UUID gameId, TicketType type) {
        return of(gameId).stream().filter(p -> p.ticketType() == type).findFirst();
    }

    public PlaybookView get(UUID playbookId) {
        return load(playbookId).view();
    }

    /** The procedure run on this ticket, if one was started. */
    @Transactional(readOnly = true)
    public Optional<RunView> runOn(UUID ticketId) {
        return runs.findByTicketId(ticketId).map(this::view);
    }

    /** Starts a procedure on a ticket; a ticket runs one procedure, so a second start answers the first. */
    public RunView start(UUID ticketId, UUID playbookId, StaffMember agent) {
        Optional<PlaybookRun> running = runs.findByTicketId(ticketId);
        if (running.isPresent()) {
            return view(running.get());
        }
        TicketView ticket = tickets.head(ticketId);
        Playbook playbook = load(playbookId);
        if (!playbook.gameId().equals(ticket.gameId())) {
            throw new NotFoundException("playbook", playbookId);
        }
        PlaybookRun run = runs.save(new PlaybookRun(ticketId, playbookId, agent.displayName(), clock.instant()));
        desk.recordInHistory(ticketId, actor(agent), "▶ " + playbook.view().title());
        return view(run);
    }

    /** The time the player says the trouble happened: the ledger steps look around it. */
    public RunView reportedAt(UUID ticketId, Instant at, StaffMember agent) {
        PlaybookRun run = running(ticketId);
        if (at == null || at.isAfter(clock.instant().plusSeconds(3600))) {
            new FieldErrors().add("reportedAt", "invalid.past").throwIfAny();
        }
        run.reportedAt(at);
        return view(run);
    }

    /** Records a step's outcome, once; the step's title and outcome go into the ticket's history. */
    public RunView completeStep(UUID ticketId, UUID stepId, String outcome, StaffMember agent) {
        PlaybookRun run = running(ticketId);
        PlaybookView playbook = load(run.playbookId()).view();
        PlaybookView.Step step = playbook.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NotFoundException("step", stepId));
        FieldErrors errors = new FieldErrors();
        String text = errors.text("outcome", outcome, OUTCOME_MAX, true);
        errors.throwIfAny();
        if (outcomes.existsByRunIdAndStepId(run.getId(), stepId)) {
            throw new RuleViolation("playbook.stepDone", "this step already has its outcome");
        }
        outcomes.save(new StepOutcome(run.getId(), stepId, text, agent.displayName(), clock.instant()));
        desk.recordInHistory(ticketId, actor(agent), "✓ " + step.title() + ": " + text);
        return view(run);
    }

    /**
     * Ends the procedure with the notice to the player (告示提醒玩家): the procedure's template filled
     * with the player's nickname, the ticket number, the account and the outcome, sent as a public
     * reply and, where the game has a backend, delivered in the game as in-game mail (its delivery
     * written into the ticket's history). Every step must have its outcome first.
     */
    public RunView finish(UUID ticketId, String outcome, StaffMember agent) {
        PlaybookRun run = running(ticketId);
        RunView view = view(run);
        if (view.current() != null) {
            throw new RuleViolation("playbook.stepsOpen", "every step needs its outcome before the notice",
                    view.current().title());
        }
        FieldErrors errors = new FieldErrors();
        String text = errors.line("outcome", outcome, 300, true);
        errors.throwIfAny();
        TicketView ticket = tickets.head(ticketId);
        PlayerSummary player = players.get(ticket.playerId());
        String notice = notice(view.playbook().notice(), nickname(ticket, player), player, ticket, text);
        desk.reply(ticketId, actor(agent), notice, List.of(), null);
        run.finish(clock.instant());
        GameBackends all = backends.getIfAvailable();
        if (all != null && all.connected(ticket.gameId())) {
            notices.deliver(ticket.gameId(), player.accountId(), InGameNotices.Cause.PROCEDURE,
                    new InGameNotices.About(ticketId, null, null), InGameNotice.MAIL, view.playbook().title(), notice,
                    "procedure-" + run.getId(), agent);
        }
        return view(run);
    }

    /** The notice with its placeholders filled in: {nickname} {ticket} {account} {outcome}. */
    static String notice(String template, String nickname, PlayerSummary player, TicketView ticket, String outcome) {
        Map<String, String> values = new HashMap<>();
        values.put("nickname", nickname);
        values.put("ticket", String.valueOf(ticket.number()));
        values.put("account", player.accountId());
        values.put("outcome", outcome);
        return Placeholders.fill(template, values);
    }

    /** The nickname the game knows the player by; what the player told us when the game cannot say. */
    private String nickname(TicketView ticket, PlayerSummary player) {
        GameBackends all = backends.getIfAvailable();
        try {
            if (all != null && all.connected(ticket.gameId())) {
                String nickname = all.of(ticket.gameId()).profile(player.accountId()).nickname();
                if (nickname != null && !nickname.isBlank()) {
                    return nickname;
                }
            }
        } catch (GameBackendUnavailable | UnknownAccount e) {
            // the player's own words will do
        }
        return player.displayName();
    }

    // --- editing (administrators) ---

    public PlaybookView describe(UUID playbookId, String ticketType, String title, String notice) {
        Playbook playbook = load(playbookId);
        FieldErrors errors = new FieldErrors();
        TicketType type = ticketType == null || ticketType.isBlank() ? null
                : errors.code("ticketType", ticketType, TicketType.class, null);
        String checkedTitle = errors.line("title", title, 200, true);
        String checkedNotice = errors.text("notice", notice, 2000, true);
        errors.throwIfAny();
        playbook.describe(type, checkedTitle, checkedNotice, clock.instant());
        return playbook.view();
    }

    public PlaybookView addStep(UUID playbookId, StepInput input) {
        Playbook playbook = load(playbookId);
        CheckedStep checked = CheckedStep.of(input);
        playbook.add(new PlaybookStep(checked.title(), checked.instructions(), checked.dataKind(),
                checked.actionKind(), checked.windowHours()), clock.instant());
        return playbook.view();
    }

    public PlaybookView changeStep(UUID playbookId, UUID stepId, StepInput input) {
        Playbook playbook = load(playbookId);
        PlaybookStep step = playbook.step(stepId);
        if (step == null) {
            throw new NotFoundException("step", stepId);
        }
        CheckedStep checked = CheckedStep.of(input);
        step.change(checked.title(), checked.instructions(), checked.dataKind(), checked.actionKind(),
                checked.windowHours());
        return playbook.view();
    }

    public PlaybookView removeStep(UUID playbookId, UUID stepId) {
        Playbook playbook = load(playbookId);
        playbook.remove(stepId, clock.instant());
        return playbook.view();
    }

    public PlaybookView moveStep(UUID playbookId, UUID stepId, boolean up) {
        Playbook playbook = load(playbookId);
        playbook.move(stepId, up, clock.instant());
        return playbook.view();
    }

    /** A step as an editor sends it, as typed; checked field by field when stored. */
    public record StepInput(String title, String instructions, String data, String action, String windowHours) {
    }

    private record CheckedStep(String title, String instructions, DataKind dataKind, ActionKind actionKind,
            Integer windowHours) {

        static CheckedStep of(StepInput input) {
            FieldErrors errors = new FieldErrors();
            String title = errors.line("title", input.title(), 200, true);
            String instructions = errors.text("instructions", input.instructions(), 2000, false);
            DataKind data = errors.code("data", blank(input.data()) ? "none" : input.data(), DataKind.class,
                    DataKind.NONE);
            ActionKind action = blank(input.action()) ? null
                    : errors.code("action", input.action(), ActionKind.class, null);
            Integer window = null;
            if (!blank(input.windowHours())) {
                try {
                    window = Integer.valueOf(input.windowHours().strip());
                    if (window < 1 || window > 720) {
                        errors.add("windowHours", "invalid.range", 1, 720);
                    }
                } catch (NumberFormatException e) {
                    errors.add("windowHours", "invalid.wholeNumber");
                }
            }
            errors.throwIfAny();
            return new CheckedStep(title, instructions, data, action, window);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    private void seedDefaults(UUID gameId) {
        String language = games.get(gameId).defaultLocale();
        try {
            seeder.seed(gameId, language != null && language.toLowerCase(Locale.ROOT).startsWith("zh"),
                    clock.instant());
        } catch (DataIntegrityViolationException raced) {
            // another first view of the game seeded it at the same moment
        }
    }

    private PlaybookRun running(UUID ticketId) {
        PlaybookRun run = runs.findByTicketId(ticketId)
                .orElseThrow(() -> new RuleViolation("playbook.notStarted", "no procedure runs on this ticket"));
        run.stillOpen();
        return run;
    }

    private RunView view(PlaybookRun run) {
        Map<UUID, RunView.Outcome> done = outcomes.findByRunId(run.getId()).stream()
                .collect(Collectors.toMap(StepOutcome::stepId, StepOutcome::view));
        return new RunView(run.getId(), run.ticketId(), load(run.playbookId()).view(), run.startedBy(),
                run.startedAt(), run.reportedAt(), run.finishedAt(), done);
    }

    private Playbook load(UUID id) {
        return playbooks.findById(id).orElseThrow(() -> new NotFoundException("playbook", id));
    }

    private static Actor actor(StaffMember agent) {
        return Actor.agent(agent.id(), agent.displayName());
    }

}

package org.playerdesk.playbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.cache.ReferenceMap;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.placeholder.Placeholders;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.hibernate.validator.constraints.Range;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A game's standard procedures and their runs on tickets. A game without procedures gets the
 * shipped defaults, in its language, the first time they are asked for.
 */
@Service
@Transactional
public class Playbooks {

    public static final int OUTCOME_MAX = 1000;
    private static final int NOTICE_OUTCOME_MAX = 300;
    private static final int TITLE_MAX = 200;
    private static final int TEXT_MAX = 2000;
    private static final int WINDOW_HOURS_MAX = 720;

    /**
     * Each game's procedures as last read, kept in memory: the ticket page shows them on every
     * view, and they change only when a lead edits them (a change of a procedure or of one of its
     * steps is seen at once on this node, within 5 s on another).
     */
    private static final Duration KEEP = Duration.ofSeconds(5);

    private final PlaybookRepository playbooks;
    private final ReferenceMap<UUID, List<PlaybookView>> kept;
    private final PlaybookRunRepository runs;
    private final StepOutcomeRepository outcomes;
    private final GameCatalog games;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final PlayerDirectory players;
    private final ObjectProvider<GameBackends> backends;
    private final PlaybookSeeder seeder;
    private final ConflictRetry conflicts;
    private final InGameNotices notices;
    private final Clock clock;
    private final InputValidation validation;

    Playbooks(PlaybookRepository playbooks, PlaybookRunRepository runs, StepOutcomeRepository outcomes,
            GameCatalog games, TicketQueries tickets, TicketDesk desk, PlayerDirectory players,
            ObjectProvider<GameBackends> backends, PlaybookSeeder seeder, InGameNotices notices, Clock clock,
            InputValidation validation, ConflictRetry conflicts, ReferenceData referenceData) {
        this.kept = referenceData.map(Playbook.class, List.of(PlaybookStep.class), KEEP);
        this.conflicts = conflicts;
        this.validation = validation;
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
        List<PlaybookView> found = kept.get(gameId,
                game -> playbooks.findByGameIdOrderByCode(game).stream().map(Playbook::view).toList());
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
            throw InvalidInput.of("reportedAt", "invalid.past");
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
        String text = validation.check(new Outcome(tidy(outcome))).outcome();
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
        String text = validation.check(new NoticeOutcome(tidy(outcome))).outcome();
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

    /** A step's outcome as the agent records it: text of several lines, without the blanks around it. */
    record Outcome(
            @NotBlank(message = "{invalid.blank}") @Size(max = OUTCOME_MAX, message = "{invalid.tooLong}") @PlainText
            String outcome) {
    }

    /** The outcome told to the player in the closing notice: one line, without the blanks around it. */
    record NoticeOutcome(
            @NotBlank(message = "{invalid.blank}") @Size(max = NOTICE_OUTCOME_MAX, message = "{invalid.tooLong}")
            @SingleLine String outcome) {
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

    /** A procedure's title on one line and the template of its notice, without the blanks around them. */
    record Description(
            @NotBlank(message = "{invalid.blank}") @Size(max = TITLE_MAX, message = "{invalid.tooLong}") @SingleLine
            String title,
            @NotBlank(message = "{invalid.blank}") @Size(max = TEXT_MAX, message = "{invalid.tooLong}") @PlainText
            String notice) {
    }

    public PlaybookView describe(UUID playbookId, String ticketType, String title, String notice) {
        Playbook playbook = load(playbookId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        TicketType type = ticketType == null || ticketType.isBlank() ? null
                : Codes.read("ticketType", ticketType, TicketType.class, null, errors);
        Description description = new Description(tidy(title), tidy(notice));
        errors.addAll(validation.errors(description));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        playbook.describe(type, description.title(), description.notice(), clock.instant());
        return playbook.view();
    }

    public PlaybookView addStep(UUID playbookId, StepInput input) {
        Playbook playbook = load(playbookId);
        CheckedStep checked = checked(input);
        playbook.add(new PlaybookStep(checked.title(), checked.instructions(), checked.data(), checked.action(),
                checked.windowHours()), clock.instant());
        return playbook.view();
    }

    public PlaybookView changeStep(UUID playbookId, UUID stepId, StepInput input) {
        Playbook playbook = load(playbookId);
        PlaybookStep step = playbook.step(stepId);
        if (step == null) {
            throw new NotFoundException("step", stepId);
        }
        CheckedStep checked = checked(input);
        step.change(checked.title(), checked.instructions(), checked.data(), checked.action(), checked.windowHours());
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

    /**
     * A step as stored: the texts without the blanks around them, the codes and the hours read.
     * The codes and the hours are read from the form in code; the range of the hours is stated here.
     */
    record CheckedStep(
            @NotBlank(message = "{invalid.blank}") @Size(max = TITLE_MAX, message = "{invalid.tooLong}") @SingleLine
            String title,
            @Size(max = TEXT_MAX, message = "{invalid.tooLong}") @PlainText String instructions,
            DataKind data,
            ActionKind action,
            @Range(min = 1, max = WINDOW_HOURS_MAX, message = "{invalid.range.between}") Integer windowHours) {
    }

    private CheckedStep checked(StepInput input) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        DataKind data = Codes.read("data", blank(input.data()) ? "none" : input.data(), DataKind.class, DataKind.NONE,
                errors);
        ActionKind action = blank(input.action()) ? null
                : Codes.read("action", input.action(), ActionKind.class, null, errors);
        Integer window = null;
        if (!blank(input.windowHours())) {
            try {
                window = Integer.valueOf(input.windowHours().strip());
            } catch (NumberFormatException e) {
                errors.add(new InvalidInput.FieldError("windowHours", "invalid.wholeNumber"));
            }
        }
        CheckedStep step = new CheckedStep(tidy(input.title()), tidy(input.instructions()), data, action, window);
        errors.addAll(validation.errors(step));
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(CheckedStep.class, errors));
        }
        return step;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String tidy(String text) {
        return blank(text) ? null : text.strip();
    }

    private void seedDefaults(UUID gameId) {
        String language = games.get(gameId).defaultLocale();
        boolean chinese = language != null && language.toLowerCase(Locale.ROOT).startsWith("zh");
        // two first views of a game at once: the one that comes second meets the first's procedures
        // (or waits on its lock past the embedded database's patience) and looks again, finding them
        conflicts.run(() -> seeder.seed(gameId, chinese, clock.instant()));
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

package org.playerdesk.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.playerdesk.system.validation.Codes;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.ViolationTypeView.Rung;
import org.playerdesk.enforcement.internal.PenaltyStep;
import org.playerdesk.enforcement.internal.Violation;
import org.playerdesk.enforcement.internal.ViolationRepository;
import org.playerdesk.enforcement.internal.ViolationType;
import org.playerdesk.enforcement.internal.ViolationTypeRepository;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.cache.ReferenceMap;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Violations and their penalty ladders (GM work). Recording a violation applies the next rung of
 * the type's ladder for that player (or the later step at which the type starts the violation's
 * severity) in one go: a warning is recorded (and told to the player
 * when the ticket is their own), a ban goes through {@link AccountActions} with its authority
 * limits, a review waits for a GM. Players of a partner channel climb the partner ladder.
 */
@Service
@Transactional
public class Enforcement {

    private static final Pattern RUNG = Pattern.compile("(warning|ban|permanent_ban|review)(?:\\s+(\\d{1,4}))?");
    private static final String CODE_PATTERN = "[a-z0-9_]{1,40}";

    /**
     * Each game's violation types with their ladders as last read, kept in memory: the ticket
     * page's player card shows the player's violations by type on every view (a change of a type
     * or of a rung is seen at once on this node, within 5 s on another).
     */
    private static final Duration KEEP = Duration.ofSeconds(5);

    private final ViolationTypeRepository types;
    private final ReferenceMap<UUID, List<ViolationTypeView>> kept;
    private final InputValidation validation;
    private final ViolationRepository violations;
    private final AccountActions actions;
    private final ObjectProvider<GameBackends> backends;
    private final GameCatalog games;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ViolationTypeSeeder seeder;
    private final InGameNotices notices;
    private final Clock clock;

    Enforcement(ViolationTypeRepository types, ViolationRepository violations, AccountActions actions,
            ObjectProvider<GameBackends> backends, GameCatalog games, TicketDesk desk, TicketQueries tickets,
            PlayerDirectory players, AuditLog audit, MessageSource messages, ViolationTypeSeeder seeder,
            InGameNotices notices, Clock clock, InputValidation validation, ReferenceData referenceData) {
        this.kept = referenceData.map(ViolationType.class, List.of(PenaltyStep.class), KEEP);
        this.validation = validation;
        this.seeder = seeder;
        this.notices = notices;
        this.types = types;
        this.violations = violations;
        this.actions = actions;
        this.backends = backends;
        this.games = games;
        this.desk = desk;
        this.tickets = tickets;
        this.players = players;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The game's violation types, seeding the shipped defaults (seed 002's patrol rules) that it lacks. */
    public List<ViolationTypeView> types(UUID gameId) {
        List<ViolationTypeView> found = typesOf(gameId);
        if (found.stream().map(ViolationTypeView::code).collect(Collectors.toSet()).containsAll(DefaultLadders.CODES)) {
            return found;
        }
        try {
            seeder.seed(gameId, games.get(gameId).defaultLocale().toLowerCase(Locale.ROOT).startsWith("zh"));
        } catch (DataIntegrityViolationException raced) {
            // another first use of the game seeded it at the same moment
        }
        return typesOf(gameId);
    }

    private List<ViolationTypeView> typesOf(UUID gameId) {
        return kept.get(gameId, game -> types.findByGameIdOrderByCode(game).stream().map(ViolationType::view).toList());
    }

    /**
     * Records a violation and applies the next rung of its ladder for this player; {@code ticketId}
     * is the ticket it came from (a cheat report), null from a GM patrol.
     */
    public ViolationView record(UUID gameId, String accountId, String typeCode, UUID ticketId, String note,
            StaffMember gm) {
        return record(gameId, accountId, typeCode, null, ticketId, note, gm);
    }

    /**
     * Records a violation of the given severity ({@code minor}, {@code normal} or {@code severe};
     * blank: normal) and applies its rung: the next one for this player, or the step at which the
     * type starts that severity when it is later (a severe case of farming: the permanent ban at once).
     */
    public ViolationView record(UUID gameId, String accountId, String typeCode, String severityCode, UUID ticketId,
            String note, StaffMember gm) {
        if (!gm.serves(gameId)) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        types(gameId);
        String account = AccountActions.tidy(accountId);
        String text = AccountActions.tidy(note);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new ViolationNote(account, text)));
        ViolationType type = typeCode == null || typeCode.isBlank() ? null
                : types.findByGameIdAndCode(gameId, typeCode.strip()).orElse(null);
        if (type == null) {
            errors.add(new InvalidInput.FieldError("type", "invalid.violationType"));
        }
        Severity severity = severity(severityCode, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (ticketId != null && !tickets.head(ticketId).gameId().equals(gameId)) {
            throw new NotFoundException("ticket", ticketId);
        }
        AccountProfile profile = profile(gameId, account);
        ViolationTypeView view = type.view();
        return apply(view, plan(view, account, profile.partner(), severity), ticketId, text, gm, null, false);
    }

    /** Whose account a violation is about, and the note staff keep with it (several lines, optional). */
    record ViolationNote(
            @NotBlank(message = "{invalid.blank}")
            @Size(max = PlayerDirectory.ACCOUNT_ID_MAX, message = "{invalid.tooLong}") @SingleLine String accountId,
            @Size(max = 1000, message = "{invalid.tooLong}") @PlainText String note) {
    }

    /** A severity by its code, normal when none is given; an unknown code is refused, naming the valid ones. */
    static Severity severity(String code, List<InvalidInput.FieldError> errors) {
        return Codes.read("severity", code, Severity.class, Severity.NORMAL, errors);
    }

    /** The rung a violation of this type and severity would give this player now; changes nothing. */
    Planned plan(ViolationTypeView type, String account, boolean partner, Severity severity) {
        List<Rung> ladder = type.ladderFor(partner);
        if (ladder.isEmpty()) {
            throw new RuleViolation("gm.violation.noLadder", "this violation type has no penalty ladder", type.name());
        }
        int step = ViolationTypeView.step(ladder,
                violations.countByGameIdAndAccountIdAndViolationTypeId(type.gameId(), account, type.id()),
                type.starts(), severity);
        return new Planned(account, severity, step, ladder.get(step));
    }

    /** A violation about to be recorded: the account, its severity, the step (from 0) and its rung. */
    record Planned(String accountId, Severity severity, int step, Rung rung) {

        boolean bans() {
            return rung.penalty() == Penalty.BAN || rung.penalty() == Penalty.PERMANENT_BAN;
        }

        /** The ban's length; null for a permanent ban. */
        Integer banDays() {
            return rung.penalty() == Penalty.BAN ? rung.days() : null;
        }
    }

    /**
     * Records the planned violation and applies its rung. A ban goes through the account actions
     * with {@code banKey} as its request key (null: a new one); {@code holdBan} makes it wait for a
     * supervisor even within the GM's limit (a group's bans are decided together).
     */
    ViolationView apply(ViolationTypeView view, Planned planned, UUID ticketId, String text, StaffMember gm,
            String banKey, boolean holdBan) {
        UUID gameId = view.gameId();
        String account = planned.accountId();
        Rung rung = planned.rung();
        Violation violation = violations.save(new Violation(gameId, account, view.id(), ticketId, text,
                planned.step() + 1, rung, planned.severity(), gm.displayName(), clock.instant()));
        audit.record(gm, gameId, "game.violation", "account", account, view.code()
                + (planned.severity() == Severity.NORMAL ? "" : " (" + planned.severity().code() + ")")
                + " → " + rung.text());
        Locale locale = Locale.forLanguageTag(games.get(gameId).defaultLocale());
        String reason = view.name() + (text == null ? "" : ": " + text);
        switch (rung.penalty()) {
            case BAN, PERMANENT_BAN -> {
                ActionView ban = actions.request(new ActionRequest(gameId, ticketId, account, ActionKind.BAN.code(),
                        null, planned.banDays(), Texts.abbreviate(reason, 500), banKey), gm, holdBan);
                violation.enforcedBy(ban.id());
                notices.linkToViolation(ban.id(), violation.getId());
            }
            case WARNING -> {
                warn(ticketId, account, view, gm, locale);
                notices.deliverStandard(gameId, account, InGameNotices.Cause.WARNING,
                        new InGameNotices.About(ticketId, violation.getId(), null), "warning",
                        new Object[] {account, view.name()}, "violation-" + violation.getId(), gm);
            }
            case REVIEW -> noteOnTicket(ticketId, gm, messages.getMessage("gm.violation.review",
                    new Object[] {account, view.name()}, locale));
        }
        return violation.view(view);
    }

    /** A player's violations in this game, newest first. */
    @Transactional(readOnly = true)
    public List<ViolationView> history(UUID gameId, String accountId) {
        Map<UUID, ViolationTypeView> byId = typesById(Set.of(gameId));
        return violations.findByGameIdAndAccountIdOrderByRecordedAtDesc(gameId, accountId).stream()
                .map(v -> v.view(byId.get(v.violationTypeId()))).toList();
    }

    /** The latest violations of the games in scope (null: all games), newest first. */
    @Transactional(readOnly = true)
    public List<ViolationView> recent(Set<UUID> gameScope, int limit) {
        if (gameScope != null && gameScope.isEmpty()) {
            return List.of();
        }
        List<Violation> found = gameScope == null ? violations.findAllByOrderByRecordedAtDesc(PageRequest.of(0, limit))
                : violations.findByGameIdInOrderByRecordedAtDesc(gameScope, PageRequest.of(0, limit));
        Map<UUID, ViolationTypeView> byId = types.findAllById(
                found.stream().map(Violation::violationTypeId).collect(Collectors.toSet())).stream()
                .map(ViolationType::view).collect(Collectors.toMap(ViolationTypeView::id, Function.identity()));
        return found.stream().map(v -> v.view(byId.get(v.violationTypeId()))).toList();
    }

    /**
     * The accounts that share a registration or login IP address or a device with this one, grouped
     * by what they share (kind and value, for example {@code ip 183.6.77.20}): the signs of alt
     * accounts (小号). Reading them is audited; pages show the IP addresses masked.
     */
    @Transactional
    public Map<String, List<LinkedAccount>> linkedAccounts(UUID gameId, String accountId, StaffMember gm) {
        if (!gm.serves(gameId)) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        List<LinkedAccount> linked = backend(gameId).of(gameId).linkedAccounts(accountId);
        audit.record(gm, gameId, "game.linked", "account", accountId, linked.size() + " linked accounts");
        return linked.stream().collect(Collectors.groupingBy(a -> a.kind() + " " + a.sharedValue(),
                java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /** Defines a type anew (administrators): its name and both ladders, written as "warning, ban 7, permanent_ban". */
    public ViolationTypeView define(UUID gameId, String code, String name, String ladder, String partnerLadder) {
        return define(gameId, code, name, ladder, partnerLadder, null, null, null);
    }

    /**
     * Defines a type anew (administrators): its name, both ladders written as text ("warning, ban 7,
     * permanent_ban"), and the step (1 to 10) at which a minor, normal and severe violation starts.
     * A blank step keeps the type's current one (for a new type: the first step); a severity may not
     * start earlier than a milder one.
     */
    public ViolationTypeView define(UUID gameId, String code, String name, String ladder, String partnerLadder,
            String minorStart, String normalStart, String severeStart) {
        return define(gameId, code, name, errors -> parse("ladder", ladder, errors),
                errors -> parse("partnerLadder", partnerLadder, errors), minorStart, normalStart, severeStart);
    }

    /**
     * Defines a type anew from the editor's choices: each ladder as its rungs in order (a rung
     * without a penalty is left out; a ban needs its days), the rest as
     * {@link #define(UUID, String, String, String, String, String, String, String)}.
     */
    public ViolationTypeView define(UUID gameId, String code, String name, List<RungChoice> ladder,
            List<RungChoice> partnerLadder, String minorStart, String normalStart, String severeStart) {
        return define(gameId, code, name, errors -> read("ladder", ladder, errors),
                errors -> read("partnerLadder", partnerLadder, errors), minorStart, normalStart, severeStart);
    }

    private ViolationTypeView define(UUID gameId, String code, String name,
            Function<List<InvalidInput.FieldError>, List<Rung>> ladder,
            Function<List<InvalidInput.FieldError>, List<Rung>> partnerLadder, String minorStart,
            String normalStart, String severeStart) {
        types(gameId);
        String tidiedCode = AccountActions.tidy(code);
        String checkedName = AccountActions.tidy(name);
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new TypeName(tidiedCode, checkedName)));
        String checkedCode = errors.stream().anyMatch(e -> e.field().equals("code")) ? null : tidiedCode;
        List<Rung> common = ladder.apply(errors);
        if (common.isEmpty() && errors.isEmpty()) {
            errors.add(new InvalidInput.FieldError("ladder", "invalid.ladder.empty"));
        }
        List<Rung> partner = partnerLadder.apply(errors);
        ViolationTypeView.Starts current = checkedCode == null ? ViolationTypeView.Starts.FIRST
                : types.findByGameIdAndCode(gameId, checkedCode).map(t -> t.view().starts())
                        .orElse(ViolationTypeView.Starts.FIRST);
        Integer minor = start("minorStart", minorStart, current.minor(), errors);
        Integer normal = start("normalStart", normalStart, current.normal(), errors);
        Integer severe = start("severeStart", severeStart, current.severe(), errors);
        if (minor != null && normal != null && normal < minor) {
            errors.add(new InvalidInput.FieldError("normalStart", "invalid.severity.normal"));
        }
        if (normal != null && severe != null && severe < normal) {
            errors.add(new InvalidInput.FieldError("severeStart", "invalid.severity.severe"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ViolationType type = types.findByGameIdAndCode(gameId, checkedCode)
                .orElseGet(() -> types.save(new ViolationType(gameId, checkedCode, checkedName)));
        type.define(checkedName, common, partner);
        type.startAt(new ViolationTypeView.Starts(minor, normal, severe));
        return type.view();
    }

    /** A violation type's code and name as administrators type them. */
    record TypeName(
            @NotBlank(message = "{invalid.blank}") @Size(max = 40, message = "{invalid.tooLong}") @SingleLine
            @jakarta.validation.constraints.Pattern(regexp = CODE_PATTERN, message = "{invalid.code.underscores}")
            String code,
            @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine
            String name) {
    }

    // a step is typed as text and parsed here: a blank one keeps the current step
    private static Integer start(String field, String text, int current, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return current;
        }
        try {
            int step = Integer.parseInt(text.strip());
            if (step >= 1 && step <= 10) {
                return step;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new InvalidInput.FieldError(field, "invalid.range", 1, 10));
        return null;
    }

    static List<Rung> parse(String field, String text, List<InvalidInput.FieldError> errors) {
        List<Rung> rungs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rungs;
        }
        for (String part : text.split("[,,>→]")) {
            String rung = part.strip().toLowerCase(Locale.ROOT);
            Matcher m = RUNG.matcher(rung);
            if (rung.isEmpty()) {
                continue;
            }
            if (!m.matches() || ("ban".equals(m.group(1)) != (m.group(2) != null))
                    || (m.group(2) != null && (Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 3650))) {
                errors.add(new InvalidInput.FieldError(field, "invalid.ladder.rung", Texts.abbreviate(rung, 30)));
                return rungs;
            }
            rungs.add(new Rung(Coded.fromCode(Penalty.class, m.group(1)),
                    m.group(2) == null ? null : Integer.valueOf(m.group(2))));
        }
        if (rungs.size() > 10) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tooMany", 10));
        }
        return rungs;
    }

    /**
     * The rungs an editor chose, in order: a row without a penalty is left out, a ban needs 1 to
     * 3650 days (a refusal names the row, as the editor numbers them).
     */
    static List<Rung> read(String field, List<RungChoice> choices, List<InvalidInput.FieldError> errors) {
        List<Rung> rungs = new ArrayList<>();
        List<RungChoice> rows = choices == null ? List.of() : choices;
        for (int row = 1; row <= rows.size(); row++) {
            RungChoice choice = rows.get(row - 1);
            if (choice == null || choice.penalty() == null || choice.penalty().isBlank()) {
                continue;
            }
            int before = errors.size();
            Penalty penalty = Codes.read(field, choice.penalty(), Penalty.class, null, errors);
            if (errors.size() > before) {
                return rungs;
            }
            Integer days = null;
            if (penalty == Penalty.BAN) {
                days = banDays(choice.days());
                if (days == null) {
                    errors.add(new InvalidInput.FieldError(field, "invalid.ladder.days", row));
                    return rungs;
                }
            }
            rungs.add(new Rung(penalty, days));
        }
        if (rungs.size() > 10) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tooMany", 10));
        }
        return rungs;
    }

    private static Integer banDays(String text) {
        if (text == null || !text.strip().matches("\\d{1,4}")) {
            return null;
        }
        int days = Integer.parseInt(text.strip());
        return days >= 1 && days <= 3650 ? days : null;
    }

    private void warn(UUID ticketId, String account, ViolationTypeView type, StaffMember gm, Locale locale) {
        if (ticketId == null) {
            return;
        }
        TicketView ticket = tickets.head(ticketId);
        Actor actor = Actor.agent(gm.id(), gm.displayName());
        if (players.get(ticket.playerId()).accountId().equals(account)) {
            desk.reply(ticketId, actor, messages.getMessage("gm.violation.warningNotice", new Object[] {type.name()},
                    locale), List.of(), null);
        } else {
            desk.recordInHistory(ticketId, actor, messages.getMessage("gm.violation.warned",
                    new Object[] {account, type.name()}, locale));
        }
    }

    private void noteOnTicket(UUID ticketId, StaffMember gm, String text) {
        if (ticketId != null) {
            desk.recordInHistory(ticketId, Actor.agent(gm.id(), gm.displayName()), text);
        }
    }

    private AccountProfile profile(UUID gameId, String accountId) {
        try {
            return backend(gameId).of(gameId).profile(accountId);
        } catch (UnknownAccount e) {
            throw new RuleViolation("gm.unknownAccount", "the game does not know this account", accountId);
        }
    }

    private GameBackends backend(UUID gameId) {
        GameBackends all = backends.getIfAvailable();
        if (all == null || !all.connected(gameId)) {
            throw new RuleViolation("gm.notConnected", "this game has no backend connected");
        }
        return all;
    }

    private Map<UUID, ViolationTypeView> typesById(Set<UUID> gameIds) {
        return gameIds.stream().flatMap(g -> typesOf(g).stream())
                .collect(Collectors.toMap(ViolationTypeView::id, Function.identity()));
    }
}

package org.playerdesk.enforcement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.internal.AccountAction;
import org.playerdesk.enforcement.internal.AccountActionRepository;
import org.playerdesk.enforcement.internal.GroupSanction;
import org.playerdesk.enforcement.internal.GroupSanctionRepository;
import org.playerdesk.enforcement.internal.ViolationRepository;
import org.playerdesk.enforcement.internal.ViolationType;
import org.playerdesk.enforcement.internal.ViolationTypeRepository;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.validation.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Linked-account groups (a farming studio and its alts) and their sanction in one go.
 *
 * <p>The group of an account is read from the game's backend: the accounts sharing a registration
 * or login IP address or a device with it, and with those in turn; then the accounts any of them
 * traded currency with within {@link #TRADE_WINDOW} (the studio's boss, whose own IP and device may
 * differ), with the accounts sharing an IP address or a device with those. Trading partners of
 * trading partners are not followed, so the group stays the ring around the account looked up.
 * Reading a group is audited ({@code game.linked.group}).
 *
 * <p>A sanction records a violation for every chosen account (each on its own ladder, so its own
 * history) and applies its rung. Bans go through {@link AccountActions}, each with its own request
 * key made from the sanction's: when the asker's limit covers every ban, they run at once; when
 * one of them needs approval, all of them wait as one approval, and the supervisor's one decision
 * approves or rejects each held ban.
 */
@Service
@Transactional
public class GroupSanctions {

    /** The most accounts one group holds; the review says when a group has more. */
    public static final int MEMBERS_MAX = 50;
    /** How far back trades between accounts are looked for. */
    public static final Duration TRADE_WINDOW = Duration.ofDays(90);

    private final GroupSanctionRepository groups;
    private final ViolationTypeRepository types;
    private final ViolationRepository violations;
    private final AccountActionRepository actionRows;
    private final Enforcement enforcement;
    private final AccountActions actions;
    private final ObjectProvider<GameBackends> backends;
    private final AuditLog audit;
    private final Clock clock;
    private final InputValidation validation;

    GroupSanctions(GroupSanctionRepository groups, ViolationTypeRepository types, ViolationRepository violations,
            AccountActionRepository actionRows, Enforcement enforcement, AccountActions actions,
            ObjectProvider<GameBackends> backends, AuditLog audit, Clock clock, InputValidation validation) {
        this.validation = validation;
        this.groups = groups;
        this.types = types;
        this.violations = violations;
        this.actionRows = actionRows;
        this.enforcement = enforcement;
        this.actions = actions;
        this.backends = backends;
        this.audit = audit;
        this.clock = clock;
    }

    /** The shape of a group sanction: the account it starts from, an optional note, the request key. */
    record SanctionInput(
            @NotBlank(message = "{invalid.blank}")
            @Size(max = PlayerDirectory.ACCOUNT_ID_MAX, message = "{invalid.tooLong}") @SingleLine String accountId,
            @Size(max = 1000, message = "{invalid.tooLong}") @PlainText String note,
            @Pattern(regexp = AccountActions.KEY_PATTERN, message = "{invalid.requestKey}") String requestKey) {

        static final List<String> FIELDS = List.of("game", "accountId", "note", "type", "severity", "requestKey");
    }

    /** The linked group of this account, read from the game; the reading is audited. */
    public LinkedGroup review(UUID gameId, String accountId, StaffMember gm) {
        if (gameId == null) {
            throw InvalidInput.of("game", "invalid.required");
        }
        serving(gameId, gm);
        String account = validation.check(new Enforcement.ViolationNote(AccountActions.tidy(accountId), null))
                .accountId();
        LinkedGroup group = read(gameId, account);
        audit.record(gm, gameId, "game.linked.group", "account", account, group.members().size() + " accounts, "
                + group.trades().size() + " trading pairs"
                + (group.organiserId() == null ? "" : ", organiser " + group.organiserId()));
        return group;
    }

    /**
     * Sanctions the chosen accounts of a linked group. Refused input (no account chosen, an unknown
     * type or severity, an account outside the group) changes nothing. A request key seen before
     * answers the first sanction, unchanged.
     */
    public GroupSanctionView sanction(GroupSanctionRequest request, StaffMember gm) {
        String key = request.requestKey() == null || request.requestKey().isBlank() ? null
                : request.requestKey().strip();
        if (key != null) {
            Optional<GroupSanction> earlier = groups.findByRequestKey(key);
            if (earlier.isPresent()) {
                return view(earlier.get());
            }
        }
        if (request.gameId() != null) {
            serving(request.gameId(), gm);
            enforcement.types(request.gameId());
        }
        String anchor = AccountActions.tidy(request.accountId());
        String note = AccountActions.tidy(request.note());
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new SanctionInput(anchor, note, key)));
        if (request.gameId() == null) {
            errors.add(new InvalidInput.FieldError("game", "invalid.required"));
        }
        ViolationType type = request.gameId() == null || request.type() == null || request.type().isBlank() ? null
                : types.findByGameIdAndCode(request.gameId(), request.type().strip()).orElse(null);
        if (type == null) {
            errors.add(new InvalidInput.FieldError("type", "invalid.violationType"));
        }
        Severity severity = Enforcement.severity(request.severity(), errors);
        if (key == null) {
            key = Ids.next().toString();
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(e -> SanctionInput.FIELDS.indexOf(e.field())));
            throw new InvalidInput(errors);
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (request.accounts() != null) {
            request.accounts().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new RuleViolation("gm.group.noneChosen", "choose at least one account of the group");
        }
        LinkedGroup group = read(request.gameId(), anchor);
        List<String> strangers = chosen.stream().filter(a -> !group.contains(a)).toList();
        if (!strangers.isEmpty()) {
            throw new RuleViolation("gm.group.notMember", "not in the linked group of " + anchor,
                    String.join(", ", strangers.stream().map(a -> Texts.abbreviate(a, 64))
                            .limit(5).toList()), anchor);
        }

        ViolationTypeView view = type.view();
        List<Enforcement.Planned> plans = group.members().stream().filter(m -> chosen.contains(m.accountId()))
                .map(m -> enforcement.plan(view, m.accountId(), m.partner(), severity)).toList();
        boolean held = plans.stream()
                .anyMatch(p -> p.bans() && !actions.withinLimit(gm, ActionKind.BAN, null, p.banDays()));
        GroupSanction sanction = groups.saveAndFlush(new GroupSanction(request.gameId(), anchor, group.organiserId(),
                type.getId(), severity, note, key, held, gm, clock.instant()));
        for (Enforcement.Planned plan : plans) {
            ViolationView recorded = enforcement.apply(view, plan, null, note, gm,
                    plan.bans() ? memberKey(key, plan.accountId()) : null, held);
            sanction.add(plan.accountId(), recorded.id(), recorded.actionId());
        }
        audit.record(gm, request.gameId(), held ? "game.group.request" : "game.group.sanction", "account", anchor,
                describe(view, severity, plans) + (held ? "; waiting for approval" : ""));
        return view(sanction);
    }

    /** A supervisor approves a held group sanction: every ban it holds runs, each through the account actions. */
    public GroupSanctionView approve(UUID sanctionId, StaffMember supervisor, String comment) {
        GroupSanction sanction = decidable(sanctionId, supervisor, comment, false);
        List<AccountAction> held = held(sanction);
        for (AccountAction action : held) {
            ActionView a = action.view();
            if (!actions.withinLimit(supervisor, a.kind(), a.amount(), a.days())) {
                throw new RuleViolation("gm.action.aboveLimit", "this action is above the approver's own limit");
            }
        }
        sanction.decide(true, supervisor, clean(comment), clock.instant());
        audit.record(supervisor, sanction.gameId(), "game.group.approve", "account", sanction.accountId(),
                held.size() + " bans approved");
        for (AccountAction action : held) {
            actions.approve(action.getId(), supervisor, comment);
        }
        return view(sanction);
    }

    /** A supervisor rejects a held group sanction: no ban runs; the comment, required, goes on every held ban. */
    public GroupSanctionView reject(UUID sanctionId, StaffMember supervisor, String comment) {
        GroupSanction sanction = decidable(sanctionId, supervisor, comment, true);
        List<AccountAction> held = held(sanction);
        sanction.decide(false, supervisor, clean(comment), clock.instant());
        audit.record(supervisor, sanction.gameId(), "game.group.reject", "account", sanction.accountId(),
                held.size() + " bans rejected: " + clean(comment));
        for (AccountAction action : held) {
            actions.reject(action.getId(), supervisor, comment);
        }
        return view(sanction);
    }

    /** One group sanction, for someone serving its game. */
    @Transactional(readOnly = true)
    public GroupSanctionView get(UUID sanctionId, StaffMember viewer) {
        GroupSanction sanction = load(sanctionId);
        if (!viewer.serves(sanction.gameId())) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        return view(sanction);
    }

    /** Group sanctions waiting for approval in the games this supervisor serves (all for an admin), oldest first. */
    @Transactional(readOnly = true)
    public List<GroupSanctionView> awaitingApproval(StaffMember supervisor) {
        List<GroupSanction> found = supervisor.role().seesAllGames()
                ? groups.findByStateOrderByRequestedAtAsc(GroupState.PENDING_APPROVAL)
                : supervisor.gameIds().isEmpty() ? List.of()
                        : groups.findByStateAndGameIdInOrderByRequestedAtAsc(GroupState.PENDING_APPROVAL,
                                supervisor.gameIds());
        return found.stream().map(this::view).toList();
    }

    /** The group sanctions this member of staff asked for lately, newest first. */
    @Transactional(readOnly = true)
    public List<GroupSanctionView> requestedBy(UUID staffId, int limit) {
        return groups.findByRequestedByOrderByRequestedAtDesc(staffId, PageRequest.of(0, limit)).stream()
                .map(this::view).toList();
    }

    /** The ban's own request key: the same for the same sanction and account, so a repeat reaches the game once. */
    static String memberKey(String sanctionKey, String account) {
        return UUID.nameUUIDFromBytes(("group-sanction\n" + sanctionKey + "\n" + account)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private GroupSanction decidable(UUID sanctionId, StaffMember supervisor, String comment, boolean commentRequired) {
        GroupSanction sanction = load(sanctionId);
        if (!supervisor.role().grants(Permission.ASSIGN_OTHERS) || !supervisor.serves(sanction.gameId())) {
            throw new AccessDeniedException("only a supervisor of the game decides");
        }
        if (supervisor.id().equals(sanction.requestedBy())) {
            throw new RuleViolation("gm.action.ownRequest", "nobody approves their own request");
        }
        String tidied = AccountActions.tidy(comment);
        if (tidied == null && commentRequired) {
            throw InvalidInput.of("comment", "invalid.blank");
        }
        validation.check(new AccountActions.Comment(tidied));
        if (sanction.state() != GroupState.PENDING_APPROVAL) {
            throw new RuleViolation("gm.group.decided", "this group sanction is not waiting for approval");
        }
        return sanction;
    }

    /** The sanction's bans still waiting (one decided alone in the meantime is left as it is). */
    private List<AccountAction> held(GroupSanction sanction) {
        return actionRows.findAllById(sanction.actionIds()).stream()
                .filter(a -> a.state() == ActionState.PENDING_APPROVAL).toList();
    }

    private GroupSanction load(UUID id) {
        return groups.findById(id).orElseThrow(() -> new NotFoundException("group sanction", id));
    }

    private GroupSanctionView view(GroupSanction sanction) {
        ViolationTypeView type = types.findById(sanction.violationTypeId()).orElseThrow().view();
        Map<UUID, ViolationView> recorded = violations.findAllById(sanction.violationIds()).stream()
                .map(v -> v.view(type)).collect(Collectors.toMap(ViolationView::id, Function.identity()));
        Map<UUID, ActionView> bans = actionRows.findAllById(sanction.actionIds()).stream().map(AccountAction::view)
                .collect(Collectors.toMap(ActionView::id, Function.identity()));
        return sanction.view(type, recorded, bans);
    }

    private static String describe(ViolationTypeView type, Severity severity, List<Enforcement.Planned> plans) {
        return type.code() + " (" + severity.code() + ") → " + plans.size() + " accounts: "
                + plans.stream().map(p -> p.accountId() + " " + p.rung().text()).collect(Collectors.joining(", "));
    }

    private static String clean(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private static void serving(UUID gameId, StaffMember gm) {
        if (!gm.serves(gameId)) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
    }

    private GameBackend backend(UUID gameId) {
        GameBackends all = backends.getIfAvailable();
        if (all == null || !all.connected(gameId)) {
            throw new RuleViolation("gm.notConnected", "this game has no backend connected");
        }
        return all.of(gameId);
    }

    /** Reads the group from the game (see the class comment for who belongs to it). */
    LinkedGroup read(UUID gameId, String account) {
        try {
            GameBackend game = backend(gameId);
            try {
                game.profile(account);
            } catch (UnknownAccount e) {
                throw new RuleViolation("gm.unknownAccount", "the game does not know this account", account);
            }
            return new Reading(game, clock.instant().minus(TRADE_WINDOW)).of(gameId, account);
        } catch (GameBackendUnavailable e) {
            throw new RuleViolation("gm.unavailable", "the game backend cannot be reached just now");
        }
    }

    /** One reading of a group: what has been asked of the game so far. */
    private static final class Reading {

        private final GameBackend game;
        private final Instant tradesFrom;
        private final Set<String> members = new LinkedHashSet<>();
        private final Map<String, Set<String>> shared = new LinkedHashMap<>();
        private final Map<String, List<LedgerEntry>> trades = new HashMap<>();
        private final Deque<String> unlinked = new ArrayDeque<>();
        private boolean truncated;

        Reading(GameBackend game, Instant tradesFrom) {
            this.game = game;
            this.tradesFrom = tradesFrom;
        }

        LinkedGroup of(UUID gameId, String account) {
            join(account);
            link();
            Set<String> sharing = Set.copyOf(members);
            for (String member : sharing) {
                for (LedgerEntry trade : tradesOf(member)) {
                    join(trade.counterparty());
                }
            }
            link();
            Map<String, AccountProfile> profiles = new LinkedHashMap<>();
            for (String member : members) {
                try {
                    profiles.put(member, game.profile(member));
                } catch (UnknownAccount gone) {
                    // a partner the game no longer knows is left out
                }
            }
            List<LinkedGroup.Trade> pairs = pairs(profiles.keySet());
            Map<String, Long> received = new HashMap<>();
            Map<String, Long> sent = new HashMap<>();
            for (LinkedGroup.Trade t : pairs) {
                received.merge(t.to(), t.amount(), Long::sum);
                sent.merge(t.from(), t.amount(), Long::sum);
            }
            String organiser = received.entrySet().stream().filter(e -> e.getValue() > 0)
                    .max(Map.Entry.<String, Long>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null);
            List<LinkedGroup.Shared> sharedValues = shared.entrySet().stream().map(e -> {
                String[] kindAndValue = e.getKey().split("\n", 2);
                return new LinkedGroup.Shared(kindAndValue[0], kindAndValue[1],
                        e.getValue().stream().filter(profiles::containsKey).sorted(ACCOUNT_ORDER).toList());
            }).filter(s -> s.accountIds().size() > 1).toList();
            List<LinkedGroup.Member> shown = profiles.values().stream().map(p -> new LinkedGroup.Member(
                    p.accountId(), p.nickname(), p.status(), p.level(), p.registeredAt(), p.totalRecharge(),
                    p.currencyBalance(), p.partnerChannel(), values(sharedValues, "ip", p.accountId()),
                    values(sharedValues, "device", p.accountId()), !sharing.contains(p.accountId()),
                    received.getOrDefault(p.accountId(), 0L), sent.getOrDefault(p.accountId(), 0L)))
                    .sorted(Comparator.comparing((LinkedGroup.Member m) -> !m.accountId().equals(organiser))
                            .thenComparing(LinkedGroup.Member::accountId, ACCOUNT_ORDER))
                    .toList();
            return new LinkedGroup(gameId, account, shown, sharedValues, pairs, organiser, truncated);
        }

        /** Adds an account to the group (unless it is full) to be linked in turn. */
        private boolean join(String account) {
            if (account == null || account.isBlank()) {
                return false;
            }
            if (members.contains(account)) {
                return true;
            }
            if (members.size() >= MEMBERS_MAX) {
                truncated = true;
                return false;
            }
            members.add(account);
            unlinked.add(account);
            return true;
        }

        /** Follows shared IP addresses and devices from every account not followed yet. */
        private void link() {
            while (!unlinked.isEmpty()) {
                String account = unlinked.poll();
                List<LinkedAccount> linked;
                try {
                    linked = game.linkedAccounts(account);
                } catch (UnknownAccount gone) {
                    continue;
                }
                for (LinkedAccount other : linked) {
                    if (other.accountId() == null || other.accountId().equals(account) || other.kind() == null
                            || other.sharedValue() == null || !join(other.accountId())) {
                        continue;
                    }
                    Set<String> sharing = shared.computeIfAbsent(other.kind() + "\n" + other.sharedValue(),
                            k -> new LinkedHashSet<>());
                    sharing.add(account);
                    sharing.add(other.accountId());
                }
            }
        }

        private List<LedgerEntry> tradesOf(String account) {
            return trades.computeIfAbsent(account, a -> {
                try {
                    return game.ledger(a, tradesFrom, null).stream()
                            .filter(e -> e.counterparty() != null && !e.counterparty().isBlank()
                                    && !e.counterparty().equals(a) && e.amount() != 0)
                            .toList();
                } catch (UnknownAccount gone) {
                    return List.of();
                }
            });
        }

        /**
         * The trades between members, summed per giver and receiver. A trade shows in both ledgers
         * (out of one, into the other); each side is summed on its own and the larger taken, so a
         * trade counts once, and also when a game records only one side.
         */
        private List<LinkedGroup.Trade> pairs(Set<String> inGroup) {
            Map<List<String>, long[]> out = new LinkedHashMap<>();
            Map<List<String>, long[]> in = new LinkedHashMap<>();
            for (String member : inGroup) {
                for (LedgerEntry e : tradesOf(member)) {
                    if (!inGroup.contains(e.counterparty())) {
                        continue;
                    }
                    boolean given = e.amount() < 0;
                    long[] sum = (given ? out : in).computeIfAbsent(
                            given ? List.of(member, e.counterparty()) : List.of(e.counterparty(), member),
                            k -> new long[2]);
                    sum[0]++;
                    sum[1] += Math.abs(e.amount());
                }
            }
            Set<List<String>> keys = new LinkedHashSet<>(out.keySet());
            keys.addAll(in.keySet());
            List<LinkedGroup.Trade> pairs = new ArrayList<>();
            for (List<String> key : keys) {
                long[] a = out.getOrDefault(key, new long[2]);
                long[] b = in.getOrDefault(key, new long[2]);
                pairs.add(new LinkedGroup.Trade(key.get(0), key.get(1), (int) Math.max(a[0], b[0]),
                        Math.max(a[1], b[1])));
            }
            pairs.sort(Comparator.comparingLong(LinkedGroup.Trade::amount).reversed()
                    .thenComparing(LinkedGroup.Trade::from, ACCOUNT_ORDER));
            return pairs;
        }

        private static List<String> values(List<LinkedGroup.Shared> shared, String kind, String account) {
            return shared.stream().filter(s -> s.kind().equals(kind) && s.accountIds().contains(account))
                    .map(LinkedGroup.Shared::value).toList();
        }
    }

    /** Account ids in a natural order: 30002 before 30010 (shorter first), then as text. */
    private static final Comparator<String> ACCOUNT_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());
}

package org.playerdesk.routing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.routing.internal.AgentBook;
import org.playerdesk.routing.internal.RoutingQueue;
import org.playerdesk.routing.internal.RoutedTicket;
import org.playerdesk.routing.internal.RoutedTicketRepository;
import org.playerdesk.routing.internal.RoutingQueueRepository;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.hibernate.validator.constraints.Range;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What leads set up for routing: each game's queues (in order, with their rules, strategy and
 * who works them) and their agents' skills, capacity and shifts. Supervisors and administrators
 * only, for the games they serve.
 */
@Service
@Transactional
public class RoutingSetup {

    public static final int NAME_MAX = 80;
    public static final int CAPACITY_MAX = 200;
    static final int POSITION_MAX = 1000;
    private static final String LANGUAGE_CODE = "[a-z]{2,3}";
    static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_CODE);

    private final RoutingQueueRepository queues;
    private final RoutedTicketRepository routed;
    private final AgentBook book;
    private final StaffDirectory staff;
    private final PlayerProfiles profiles;
    private final TicketQueries tickets;
    private final java.time.Clock clock;
    private final InputValidation validation;

    RoutingSetup(RoutingQueueRepository queues, RoutedTicketRepository routed, AgentBook book, StaffDirectory staff,
            PlayerProfiles profiles, TicketQueries tickets, java.time.Clock clock, InputValidation validation) {
        this.routed = routed;
        this.validation = validation;
        this.queues = queues;
        this.book = book;
        this.staff = staff;
        this.profiles = profiles;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<QueueView> queues(UUID gameId) {
        return queues.inOrder(gameId).stream().map(RoutingQueue::view).toList();
    }

    /** The queue a ticket was last routed into; empty when it was never routed or went to none. */
    @Transactional(readOnly = true)
    public Optional<UUID> routedQueue(UUID ticketId) {
        return routed.findById(ticketId).map(RoutedTicket::queueId);
    }

    /** The names of these queues, by id; a queue removed since is left out. */
    @Transactional(readOnly = true)
    public Map<UUID, String> queueNames(Collection<UUID> queueIds) {
        Map<UUID, String> names = new HashMap<>();
        queues.findAllById(queueIds).forEach(queue -> names.put(queue.getId(), queue.view().name()));
        return names;
    }

    /** Adds a queue ({@code queueId} null) or redefines one. */
    public QueueView defineQueue(UUID gameId, UUID queueId, QueueRules rules, StaffMember by) {
        requireLead(by, gameId);
        return define(gameId, queueId, rules);
    }

    /**
     * The queues a new game starts with, when it has none: second-line work first, then a
     * first-line queue for everything else (both round robin, VIP players first in the first
     * line); leads change or add to them on the routing page.
     */
    public void giveDefaultQueues(UUID gameId, boolean chinese) {
        if (!queues.inOrder(gameId).isEmpty()) {
            return;
        }
        define(gameId, null, new QueueRules(chinese ? "二线处理" : "Second line", 1, "round_robin", false, null, null,
                null, null, "second_line", "l2", Set.of()));
        define(gameId, null, new QueueRules(chinese ? "一线综合" : "First line", 2, "round_robin", true, null, null,
                null, null, "first_line", "l1", Set.of()));
    }

    /**
     * A queue's rules with each text tidied (no blanks around it; blank or {@code any} as none, a
     * language in lower case), its fields in the order their errors are reported: the shape of each.
     * The codes, the VIP tier and the members are read and checked in code.
     */
    record QueueInput(
            @NotBlank(message = "{invalid.blank}") @Size(max = NAME_MAX, message = "{invalid.tooLong}") @SingleLine
            String name,
            @Range(min = 1, max = POSITION_MAX, message = "{invalid.range.between}") Integer position,
            String strategy, String channel, String type, String level, String requiredTier,
            @jakarta.validation.constraints.Pattern(regexp = LANGUAGE_CODE, message = "{invalid.language}")
            String language,
            String vipTier, Set<UUID> members) {
    }

    private QueueView define(UUID gameId, UUID queueId, QueueRules rules) {
        String name = rules.name() == null || rules.name().isBlank() ? null : rules.name().strip();
        String language = blank(rules.language()) ? null : rules.language().strip().toLowerCase(Locale.ROOT);
        String vipTier = blank(rules.vipTier()) ? null : rules.vipTier().strip();
        Set<UUID> members = rules.members() == null ? Set.of() : Set.copyOf(rules.members());
        Integer position = rules.position();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new QueueInput(name, position,
                rules.strategy(), rules.channel(), rules.type(), rules.level(), rules.requiredTier(), language,
                vipTier, members)));
        // none given is out of the range too, in the words and arguments (longs) of @Range
        if (position == null) {
            errors.add(new InvalidInput.FieldError("position", "invalid.range.between", (long) POSITION_MAX, 1L));
        }
        RoutingStrategy strategy = Codes.read("strategy", rules.strategy(), RoutingStrategy.class, null, errors);
        TicketChannel channel = any("channel", rules.channel(), TicketChannel.class, errors);
        TicketType type = any("type", rules.type(), TicketType.class, errors);
        SupportLevel level = any("level", rules.level(), SupportLevel.class, errors);
        AgentTier tier = any("requiredTier", rules.requiredTier(), AgentTier.class, errors);
        if (vipTier != null) {
            Codes.read("vipTier", vipTier, profiles.tierCodes(), null, errors);
        }
        Map<UUID, StaffMember> found = staff.byIds(members);
        if (found.size() != members.size() || found.values().stream().anyMatch(m -> !m.serves(gameId))) {
            errors.add(new InvalidInput.FieldError("members", "invalid.staff"));
        }
        throwIfAny(QueueInput.class, errors);
        RoutingQueue queue = queueId == null ? new RoutingQueue(gameId, clock.instant()) : load(gameId, queueId);
        queue.define(name, position, strategy, rules.vipFirst(), channel, type, language, vipTier, level, tier,
                members);
        return queues.save(queue).view();
    }

    public void removeQueue(UUID gameId, UUID queueId, StaffMember by) {
        requireLead(by, gameId);
        queues.delete(load(gameId, queueId));
    }

    /** The agents serving the game with their routing skills, roster and how many tickets each holds. */
    @Transactional(readOnly = true)
    public List<AgentSkills> agents(UUID gameId, StaffMember by) {
        requireLead(by, gameId);
        List<StaffMember> members = staff.servingGame(gameId).stream().filter(StaffMember::enabled)
                .filter(m -> !m.role().seesAllGames()).toList();
        Map<UUID, AgentBook.Agent> agents = book.agents(members);
        Map<UUID, Long> held = tickets.heldBy(agents.keySet());
        List<AgentSkills> skills = new ArrayList<>();
        for (StaffMember member : members) {
            skills.add(skillsOf(agents.get(member.id()), held.getOrDefault(member.id(), 0L)));
        }
        skills.sort(Comparator.comparing(AgentSkills::displayName).thenComparing(AgentSkills::staffId));
        return skills;
    }

    /** The tier of each member (a lead's choice, else from the role), read for all of them at once. */
    @Transactional(readOnly = true)
    public Map<UUID, AgentTier> tiers(Collection<StaffMember> members) {
        Map<UUID, AgentTier> tiers = new HashMap<>();
        book.agents(members).forEach((id, agent) -> tiers.put(id, agent.tier()));
        return tiers;
    }

    /**
     * Each member's roster as routing keeps it (weekly shifts and dated exceptions in their time
     * zone; none set: always on shift), read for all of them at once; an unknown id is left out.
     * Nobody's access is checked here: a roster says when someone works, nothing personal.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Roster> rosters(Collection<UUID> staffIds) {
        Map<UUID, Roster> rosters = new HashMap<>();
        book.agents(staff.byIds(staffIds).values()).forEach((id, agent) -> rosters.put(id, agent.roster()));
        return rosters;
    }

    /**
     * Whether each member is on shift at {@code at}, as routing decides it: a {@link ShiftSource}'s
     * answer (the workforce roster) first, else their weekly shifts here.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Boolean> onShift(Collection<UUID> staffIds, java.time.Instant at) {
        Collection<AgentBook.Agent> agents = book.agents(staff.byIds(staffIds).values()).values();
        Set<UUID> on = book.onShift(agents, at);
        Map<UUID, Boolean> answers = new HashMap<>();
        agents.forEach(agent -> answers.put(agent.id(), on.contains(agent.id())));
        return answers;
    }

    /** How many unfinished tickets each member may hold at once (their capacity, or the default). */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> capacities(Collection<UUID> staffIds) {
        Map<UUID, Integer> capacities = new HashMap<>();
        book.agents(staff.byIds(staffIds).values()).forEach((id, agent) -> capacities.put(id, agent.capacity()));
        return capacities;
    }

    @Transactional(readOnly = true)
    public AgentSkills skills(UUID staffId) {
        StaffMember member = staff.get(staffId);
        return skillsOf(book.agent(member), tickets.heldBy(List.of(staffId)).getOrDefault(staffId, 0L));
    }

    /**
     * Sets an agent's tier (blank: from the role), languages (codes separated by commas; blank:
     * any), capacity, time zone, weekly shifts and dated exceptions (see {@link Roster}).
     */
    public AgentSkills changeSkills(UUID staffId, String tier, String languages, Integer capacity, String timeZone,
            String weeklyShifts, String exceptions, StaffMember by) {
        StaffMember member = staff.get(staffId);
        if (!by.can(Permission.ASSIGN_OTHERS) || member.gameIds().stream().noneMatch(by::serves)
                && !by.role().seesAllGames()) {
            throw new AccessDeniedException("only leads of the agent's games set their skills and shifts");
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(
                new SkillsInput(tier, languages, capacity, timeZone, weeklyShifts, exceptions)));
        // none given is out of the range too, in the words and arguments (longs) of @Range
        if (capacity == null) {
            errors.add(new InvalidInput.FieldError("capacity", "invalid.range.between", (long) CAPACITY_MAX, 0L));
        }
        AgentTier chosen = any("tier", tier, AgentTier.class, errors);
        List<String> codes = new ArrayList<>();
        for (String code : (languages == null ? "" : languages).toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (code.isBlank()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches() || codes.size() >= 10) {
                errors.add(new InvalidInput.FieldError("languages", "invalid.languages"));
                break;
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            errors.add(new InvalidInput.FieldError("timeZone", "invalid.timeZone"));
        }
        List<Roster.Weekly> week = Roster.parseWeekly(weeklyShifts, "weeklyShifts", errors);
        List<Roster.Dated> dated = Roster.parseExceptions(exceptions, "exceptions", errors);
        throwIfAny(SkillsInput.class, errors);
        book.change(member, chosen, codes, capacity, zone, week, dated);
        return skills(staffId);
    }

    /** Sets what an agent is good at beyond tier and languages (handling hostile players). */
    public AgentSkills changeAgentSkills(UUID staffId, Set<AgentSkill> skills, StaffMember by) {
        StaffMember member = staff.get(staffId);
        if (!by.can(Permission.ASSIGN_OTHERS) || member.gameIds().stream().noneMatch(by::serves)
                && !by.role().seesAllGames()) {
            throw new AccessDeniedException("only leads of the agent's games set their skills and shifts");
        }
        book.changeSkills(member, skills);
        return skills(staffId);
    }

    /**
     * An agent's skills and shifts, in the order the form shows them: how many tickets at once is a
     * range; the tier is a code, the languages, the time zone and the shifts are text read in code.
     */
    record SkillsInput(String tier, String languages,
            @Range(min = 0, max = CAPACITY_MAX, message = "{invalid.range.between}") Integer capacity,
            String timeZone, String weeklyShifts, String exceptions) {
    }

    private AgentSkills skillsOf(AgentBook.Agent agent, long held) {
        return new AgentSkills(agent.id(), agent.member().displayName(), agent.tier(), book.tierSet(agent.id()),
                agent.languages(), agent.capacity(), agent.roster().zone().getId(),
                Roster.formatWeekly(agent.roster().weekly()), Roster.formatExceptions(agent.roster().exceptions()),
                held, agent.skills());
    }

    private RoutingQueue load(UUID gameId, UUID queueId) {
        return queues.findById(queueId).filter(q -> q.gameId().equals(gameId))
                .orElseThrow(() -> new NotFoundException("queue", queueId));
    }

    static void requireLead(StaffMember by, UUID gameId) {
        if (!by.can(Permission.ASSIGN_OTHERS) || !by.serves(gameId)) {
            throw new AccessDeniedException("only supervisors and administrators of the game set up routing");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank() || value.strip().equals("any");
    }

    private static <E extends Enum<E> & Coded> E any(String field, String value, Class<E> type,
            List<InvalidInput.FieldError> errors) {
        return blank(value) ? null : Codes.read(field, value.strip(), type, null, errors);
    }

    /** Every bad field at once, in the order the form's record declares them. */
    private static void throwIfAny(Class<? extends Record> form, List<InvalidInput.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(form, errors));
        }
    }
}

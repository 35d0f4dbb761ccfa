package org.playerdesk.routing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.routing.internal.AgentBook;
import org.playerdesk.routing.internal.RoutingQueue;
import org.playerdesk.routing.internal.RoutingQueueRepository;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final RoutingQueueRepository queues;
    private final AgentBook book;
    private final StaffDirectory staff;
    private final PlayerProfiles profiles;
    private final TicketQueries tickets;
    private final java.time.Clock clock;

    RoutingSetup(RoutingQueueRepository queues, AgentBook book, StaffDirectory staff, PlayerProfiles profiles,
            TicketQueries tickets, java.time.Clock clock) {
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

    private QueueView define(UUID gameId, UUID queueId, QueueRules rules) {
        FieldErrors errors = new FieldErrors();
        String name = errors.line("name", rules.name(), NAME_MAX, true);
        Integer position = rules.position();
        if (position == null || position < 1 || position > 1000) {
            errors.add("position", "invalid.range", 1, 1000);
        }
        RoutingStrategy strategy = errors.code("strategy", rules.strategy(), RoutingStrategy.class, null);
        TicketChannel channel = any(errors, "channel", rules.channel(), TicketChannel.class);
        TicketType type = any(errors, "type", rules.type(), TicketType.class);
        SupportLevel level = any(errors, "level", rules.level(), SupportLevel.class);
        AgentTier tier = any(errors, "requiredTier", rules.requiredTier(), AgentTier.class);
        String language = blank(rules.language()) ? null : rules.language().strip().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add("language", "invalid.language");
        }
        String vipTier = blank(rules.vipTier()) ? null : rules.vipTier().strip();
        if (vipTier != null && !profiles.tierCodes().contains(vipTier)) {
            errors.add("vipTier", "invalid.unknownCode", Texts.abbreviate(vipTier, 40),
                    String.join(", ", profiles.tierCodes()));
        }
        Set<UUID> members = rules.members() == null ? Set.of() : Set.copyOf(rules.members());
        Map<UUID, StaffMember> found = staff.byIds(members);
        if (found.size() != members.size() || found.values().stream().anyMatch(m -> !m.serves(gameId))) {
            errors.add("members", "invalid.staff");
        }
        errors.throwIfAny();
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
        FieldErrors errors = new FieldErrors();
        AgentTier chosen = any(errors, "tier", tier, AgentTier.class);
        List<String> codes = new ArrayList<>();
        for (String code : (languages == null ? "" : languages).toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (code.isBlank()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches() || codes.size() >= 10) {
                errors.add("languages", "invalid.languages");
                break;
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (capacity == null || capacity < 0 || capacity > CAPACITY_MAX) {
            errors.add("capacity", "invalid.range", 0, CAPACITY_MAX);
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            errors.add("timeZone", "invalid.timeZone");
        }
        List<Roster.Weekly> week = Roster.parseWeekly(weeklyShifts, "weeklyShifts", errors);
        List<Roster.Dated> dated = Roster.parseExceptions(exceptions, "exceptions", errors);
        errors.throwIfAny();
        book.change(member, chosen, codes, capacity, zone, week, dated);
        return skills(staffId);
    }

    private AgentSkills skillsOf(AgentBook.Agent agent, long held) {
        return new AgentSkills(agent.id(), agent.member().displayName(), agent.tier(), book.tierSet(agent.id()),
                agent.languages(), agent.capacity(), agent.roster().zone().getId(),
                Roster.formatWeekly(agent.roster().weekly()), Roster.formatExceptions(agent.roster().exceptions()),
                held);
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

    private static <E extends Enum<E> & org.playerdesk.system.entity.Coded> E any(FieldErrors errors, String field,
            String value, Class<E> type) {
        return blank(value) ? null : errors.code(field, value.strip(), type, null);
    }
}

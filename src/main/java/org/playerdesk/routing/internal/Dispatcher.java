package org.playerdesk.routing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.AgentSeat;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.routing.AgentSkill;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.QueueView;
import org.playerdesk.routing.RoutingEvents.TicketQueued;
import org.playerdesk.routing.RoutingStrategy;
import org.playerdesk.routing.WorkPause;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.vip.VipService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Decides who gets a ticket. The ticket goes to the first queue of its game whose rules match;
 * with "VIP manager first" a VIP player's manager gets it when on shift with free capacity; else
 * the queue's strategy picks among the agents who work the queue, are online, on shift, speak the
 * player's language, can work the ticket's level and have free capacity. When someone could take
 * it, the queue's row and the agents' rows are locked for the decision, so that concurrent
 * assignments neither skip anyone's turn nor fill an agent beyond capacity; the ticket itself is
 * claimed conditionally, so a ticket someone took meanwhile is left alone.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Keys of the ticket's metadata that name the player's language, first found wins. */
    static final List<String> LANGUAGE_KEYS = List.of("language", "lang", "locale");

    private final RoutingQueueRepository queues;
    private final RoutedTicketRepository routed;
    private final AgentBook book;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final StaffDirectory staff;
    private final ChatDesk chat;
    private final ChatSeats seats;
    private final VipService vip;
    private final PlayerDirectory players;
    private final PlayerProfiles profiles;
    private final GameCatalog games;
    private final EntityManager entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ConflictRetry conflicts;
    private final ObjectProvider<WorkPause> pauses;

    Dispatcher(RoutingQueueRepository queues, RoutedTicketRepository routed, AgentBook book, TicketQueries tickets,
            TicketDesk desk, StaffDirectory staff, ChatDesk chat, ChatSeats seats, VipService vip,
            PlayerDirectory players, PlayerProfiles profiles, GameCatalog games, EntityManager entities, Clock clock,
            ConflictRetry conflicts, ApplicationEventPublisher events, ObjectProvider<WorkPause> pauses) {
        this.pauses = pauses;
        this.events = events;
        this.queues = queues;
        this.routed = routed;
        this.book = book;
        this.tickets = tickets;
        this.desk = desk;
        this.staff = staff;
        this.chat = chat;
        this.seats = seats;
        this.vip = vip;
        this.players = players;
        this.profiles = profiles;
        this.games = games;
        this.entities = entities;
        this.clock = clock;
        this.conflicts = conflicts;
    }

    /** What routing reads from a ticket besides its head: the player's language and VIP tier rank. */
    record Facts(String language, int tierRank, Map<String, Integer> tierRanks) {
    }

    /** The queue "any ticket of the game, VIP manager first, no automatic pick" used when no queue matches. */
    static QueueView implicitQueue(UUID gameId) {
        return new QueueView(null, gameId, null, Integer.MAX_VALUE, RoutingStrategy.MANUAL, true, null, null, null,
                null, null, null, Set.of());
    }

    /**
     * Assigns a new or unassigned ticket (nobody, when no one fitting is free); {@code except} is
     * never chosen (who just gave the ticket up). Answers the agent chosen.
     */
    public Optional<UUID> assignNew(UUID ticketId, UUID except) {
        return retrying(() -> decide(ticketId, except, false));
    }

    /**
     * After the ticket moved to another level: someone of the new level's queue takes it; if
     * nobody fitting is free it goes back to the pool of that level (unassigned).
     */
    public Optional<UUID> reassign(UUID ticketId) {
        return retrying(() -> decide(ticketId, null, true));
    }

    /**
     * One decision in a transaction of its own, made again on the fresh state when it met a
     * concurrent one ({@link ConflictRetry}): a lock it waited too long for, a row changed
     * meanwhile, a duplicate (two decisions of one ticket at once, each recording where it was
     * routed). Those arrive as Hibernate's own exceptions when a query writes the pending changes
     * first, and are recognised as conflicts all the same.
     */
    private Optional<UUID> retrying(Supplier<Optional<UUID>> work) {
        return conflicts.call(work);
    }

    private Optional<UUID> decide(UUID ticketId, UUID except, boolean moved) {
        TicketView ticket = tickets.head(ticketId);
        if (!ticket.status().isActive() || !moved && ticket.assigneeId() != null
                || ticket.channel() == TicketChannel.CHAT && chat.isLiveChat(ticket.id())) {
            return Optional.empty();
        }
        List<RoutingQueue> candidates = queues.inOrder(ticket.gameId());
        Facts facts = facts(ticket, candidates);
        RoutingQueue queue = candidates.stream().filter(q -> matches(q.view(), ticket, facts)).findFirst().orElse(null);
        remember(ticket, queue);
        QueueView rules = queue == null ? implicitQueue(ticket.gameId()) : queue.view();
        Instant now = clock.instant();

        if (moved && ticket.assigneeId() != null && keepsAfterMove(ticket)) {
            return Optional.empty();
        }
        StaffMember manager = rules.vipFirst() ? vipManager(ticket, now) : null;
        List<AgentBook.Agent> pool = rules.strategy() == RoutingStrategy.MANUAL ? List.of()
                : available(rules, ticket, facts, now).stream().filter(a -> !a.id().equals(except)).toList();
        Set<UUID> ids = new LinkedHashSet<>();
        if (manager != null) {
            ids.add(manager.id());
        }
        pool.forEach(a -> ids.add(a.id()));
        if (!anyoneFree(ids, pool, manager)) {
            // Nobody could take it: no lock is taken, so a storm of tickets nobody can take yet does
            // not queue on the queue's row. Capacity freed meanwhile is filled by the sweep.
            return leftWaiting(ticket, moved);
        }
        if (queue != null) {
            entities.refresh(queue, LockModeType.PESSIMISTIC_WRITE);
        }
        Map<UUID, Integer> capacity = book.lockCapacities(ids);
        Map<UUID, Long> held = tickets.heldBy(ids);

        if (manager != null && free(manager.id(), capacity, held)) {
            return give(ticket, manager.id(), moved);
        }
        UUID last = queue == null ? null : queue.lastStaffId();
        List<AgentBook.Agent> skilled = skilled(ticket, pool);
        Optional<UUID> pick = skilled.isEmpty() ? Optional.empty() : pick(rules, last, skilled, capacity, held);
        if (pick.isEmpty()) {
            pick = pick(rules, last, pool, capacity, held);
        }
        if (pick.isPresent()) {
            Optional<UUID> given = give(ticket, pick.get(), moved);
            // the claim cleared the persistence context: the cursor moves by an update of its own
            UUID queueId = queue == null ? null : queue.getId();
            given.ifPresent(staffId -> queues.servedLast(queueId, staffId));
            return given;
        }
        return leftWaiting(ticket, moved);
    }

    /** Those of the pool with a skill the ticket asks for by its tags (empty when it asks for none). */
    static List<AgentBook.Agent> skilled(TicketView ticket, List<AgentBook.Agent> pool) {
        List<AgentSkill> asked = Arrays.stream(AgentSkill.values()).filter(s -> ticket.tags().contains(s.tag())).toList();
        if (asked.isEmpty()) {
            return List.of();
        }
        return pool.stream().filter(a -> asked.stream().allMatch(a::has)).toList();
    }

    /**
     * A ticket that came to ask for a skill (tagged {@code hostile} once the player's words were
     * read) before any agent answered it: it goes to a free agent with the skill, when its holder
     * lacks it (or nobody holds it yet). Answers the agent chosen; empty when it stays as it is.
     */
    public Optional<UUID> offerToSkilled(UUID ticketId) {
        return retrying(() -> handToSkilled(ticketId));
    }

    private Optional<UUID> handToSkilled(UUID ticketId) {
        TicketView first = tickets.head(ticketId);
        if (!first.status().isActive() || first.firstResponseAt() != null
                || first.channel() == TicketChannel.CHAT && chat.isLiveChat(first.id())) {
            return Optional.empty();
        }
        if (first.assigneeId() == null) {
            Optional<UUID> given = decide(ticketId, null, false);
            // a decision at the same moment (the ticket given up, offered again) may have won the claim
            if (given.isPresent() || tickets.head(ticketId).assigneeId() == null) {
                return given;
            }
        }
        TicketView ticket = first.assigneeId() == null ? tickets.head(ticketId) : first;
        AgentBook.Agent holder = book.agent(staff.get(ticket.assigneeId()));
        if (!skilled(ticket, List.of(holder)).isEmpty()) {
            return Optional.empty();
        }
        List<RoutingQueue> candidates = queues.inOrder(ticket.gameId());
        Facts facts = facts(ticket, candidates);
        RoutingQueue queue = candidates.stream().filter(q -> matches(q.view(), ticket, facts)).findFirst().orElse(null);
        QueueView rules = queue == null ? implicitQueue(ticket.gameId()) : queue.view();
        if (rules.strategy() == RoutingStrategy.MANUAL) {
            return Optional.empty();
        }
        List<AgentBook.Agent> skilled = skilled(ticket, available(rules, ticket, facts, clock.instant()));
        Set<UUID> ids = new LinkedHashSet<>();
        skilled.forEach(a -> ids.add(a.id()));
        if (!anyoneFree(ids, skilled, null)) {
            return Optional.empty();
        }
        if (queue != null) {
            entities.refresh(queue, LockModeType.PESSIMISTIC_WRITE);
        }
        Map<UUID, Integer> capacity = book.lockCapacities(ids);
        Map<UUID, Long> held = tickets.heldBy(ids);
        Optional<UUID> pick = pick(rules, queue == null ? null : queue.lastStaffId(), skilled, capacity, held);
        pick.ifPresent(agent -> desk.assign(ticket.id(), agent, Actor.SYSTEM));
        return pick;
    }

    /** Nobody fitting is free: a ticket moved to another level goes back to that level's pool. */
    private Optional<UUID> leftWaiting(TicketView ticket, boolean moved) {
        if (moved && ticket.assigneeId() != null) {
            desk.assign(ticket.id(), null, Actor.SYSTEM);
        }
        return Optional.empty();
    }

    /**
     * Whether any of them has free capacity, read without locks: a "no" lets the decision end
     * without locking anything; a "yes" is checked again under the locks.
     */
    private boolean anyoneFree(Set<UUID> ids, List<AgentBook.Agent> pool, StaffMember manager) {
        if (ids.isEmpty()) {
            return false;
        }
        Map<UUID, Integer> capacity = new HashMap<>();
        pool.forEach(a -> capacity.put(a.id(), a.capacity()));
        if (manager != null && !capacity.containsKey(manager.id())) {
            capacity.put(manager.id(), book.agent(manager).capacity());
        }
        Map<UUID, Long> held = tickets.heldBy(ids);
        return ids.stream().anyMatch(id -> free(id, capacity, held));
    }

    /** Whether live chat still holds the ticket (a chat waiting or under way): not routing's to give. */
    public boolean heldByLiveChat(TicketView ticket) {
        return ticket.channel() == TicketChannel.CHAT && chat.isLiveChat(ticket.id());
    }

    /** The queue a ticket not routed yet would go to (empty: none matches). */
    public Optional<UUID> queueOf(TicketView ticket) {
        List<RoutingQueue> candidates = queues.inOrder(ticket.gameId());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Facts facts = facts(ticket, candidates);
        return candidates.stream().filter(q -> matches(q.view(), ticket, facts)).findFirst().map(RoutingQueue::getId);
    }

    /** The holder keeps a ticket moved up to a level they work; a ticket handed back down goes to that level. */
    private boolean keepsAfterMove(TicketView ticket) {
        StaffMember holder = staff.get(ticket.assigneeId());
        AgentTier tier = book.agent(holder).tier();
        return tier.works(ticket.level()) && tier != AgentTier.LEAD;
    }

    private Optional<UUID> give(TicketView ticket, UUID agent, boolean moved) {
        if (moved && ticket.assigneeId() != null) {
            return Optional.of(desk.assign(ticket.id(), agent, Actor.SYSTEM).assigneeId());
        }
        return desk.claim(ticket.id(), agent, Actor.SYSTEM).map(TicketView::assigneeId);
    }

    private static boolean free(UUID id, Map<UUID, Integer> capacity, Map<UUID, Long> held) {
        return held.getOrDefault(id, 0L) < capacity.getOrDefault(id, 0);
    }

    /**
     * Round robin: the first free agent after the one served last (by id, wrapping round); least
     * loaded: the free agent holding the fewest, ties in round-robin order.
     */
    static Optional<UUID> pick(QueueView rules, UUID last, List<AgentBook.Agent> pool, Map<UUID, Integer> capacity,
            Map<UUID, Long> held) {
        List<UUID> order = turnOrder(pool.stream().map(AgentBook.Agent::id).toList(), last);
        List<UUID> free = order.stream().filter(id -> free(id, capacity, held)).toList();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        return switch (rules.strategy()) {
            case ROUND_ROBIN -> Optional.of(free.getFirst());
            case LEAST_LOADED -> free.stream().min(Comparator.comparingLong(id -> held.getOrDefault(id, 0L)));
            case MANUAL -> Optional.empty();
        };
    }

    /** The agents sorted by id, starting after {@code last}. */
    static List<UUID> turnOrder(Collection<UUID> ids, UUID last) {
        List<UUID> sorted = ids.stream().sorted().toList();
        if (last == null) {
            return sorted;
        }
        List<UUID> after = new ArrayList<>(sorted.stream().filter(id -> id.compareTo(last) > 0).toList());
        after.addAll(sorted.stream().filter(id -> id.compareTo(last) <= 0).toList());
        return after;
    }

    private void remember(TicketView ticket, RoutingQueue queue) {
        UUID queueId = queue == null ? null : queue.getId();
        RoutedTicket row = routed.findById(ticket.id()).orElse(null);
        Instant now = clock.instant();
        if (row == null) {
            routed.save(new RoutedTicket(ticket.id(), ticket.gameId(), queueId, now));
        } else if (!java.util.Objects.equals(row.queueId(), queueId)) {
            row.routedTo(queueId, now);
        } else {
            return;
        }
        events.publishEvent(new TicketQueued(ticket.id(), ticket.gameId(), queueId, now));
    }

    /**
     * The VIP player's manager, when on shift and still serving the game (presence in live chat not
     * needed: their own player), unless a {@link WorkPause} keeps them from work.
     */
    private StaffMember vipManager(TicketView ticket, Instant now) {
        String account = players.get(ticket.playerId()).accountId();
        return vip.managerOf(ticket.gameId(), account).map(staff::get)
                .filter(m -> m.enabled() && m.serves(ticket.gameId()))
                .filter(m -> {
                    AgentBook.Agent agent = book.agent(m);
                    return agent.tier().works(ticket.level()) && book.onShift(List.of(agent), now).contains(m.id());
                }).filter(m -> paused(List.of(m.id()), now).isEmpty()).orElse(null);
    }

    /**
     * Who may take a ticket from this queue now: works it, online, on shift, speaks the language,
     * works the level, and no {@link WorkPause} keeps them from work.
     */
    List<AgentBook.Agent> available(QueueView rules, TicketView ticket, Facts facts, Instant now) {
        Set<UUID> online = seats.online(ticket.gameId()).stream().map(AgentSeat::staffId).collect(Collectors.toSet());
        List<AgentBook.Agent> fitting = workers(rules).stream()
                .filter(a -> online.contains(a.id()))
                .filter(a -> a.tier().works(ticket.level()))
                .filter(a -> a.speaks(facts.language()))
                .toList();
        // one question for all of them, not one per agent
        Set<UUID> onShift = book.onShift(fitting, now);
        List<AgentBook.Agent> present = fitting.stream().filter(a -> onShift.contains(a.id())).toList();
        Set<UUID> paused = paused(present.stream().map(AgentBook.Agent::id).toList(), now);
        return paused.isEmpty() ? present : present.stream().filter(a -> !paused.contains(a.id())).toList();
    }

    /** Whether a {@link WorkPause} keeps the agent from new tickets now (asked by "Next" too). */
    public boolean paused(UUID staffId) {
        return !paused(List.of(staffId), clock.instant()).isEmpty();
    }

    /** Those of the agents a {@link WorkPause} keeps from new tickets now (on a break, away, offline). */
    private Set<UUID> paused(Collection<UUID> staffIds, Instant now) {
        if (staffIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> paused = new HashSet<>();
        pauses.orderedStream().forEach(pause -> paused.addAll(pause.pausedAmong(staffIds, now)));
        return paused;
    }

    /** The agents who work a queue: its members, or everyone serving the game with the required tier. */
    public List<AgentBook.Agent> workers(QueueView rules) {
        Collection<StaffMember> members = rules.members().isEmpty() ? staff.servingGame(rules.gameId())
                : staff.byIds(rules.members()).values();
        // a role that takes no tickets (QA) works no queue
        return book.agents(members.stream().filter(m -> m.enabled() && m.serves(rules.gameId())
                && m.can(Permission.WORK_TICKETS)).toList()).values()
                .stream()
                .filter(a -> !rules.members().isEmpty() || rules.requiredTier() == null
                        || a.tier() == rules.requiredTier())
                .sorted(Comparator.comparing(AgentBook.Agent::id)).toList();
    }

    /** Whether an agent works a queue (for "Next"). */
    public boolean works(QueueView rules, AgentBook.Agent agent) {
        if (!agent.member().serves(rules.gameId())) {
            return false;
        }
        if (!rules.members().isEmpty()) {
            return rules.members().contains(agent.id());
        }
        return rules.requiredTier() == null || agent.tier() == rules.requiredTier();
    }

    static boolean matches(QueueView rules, TicketView ticket, Facts facts) {
        return (rules.channel() == null || rules.channel() == ticket.channel())
                && (rules.type() == null || rules.type() == ticket.type())
                && (rules.level() == null || rules.level() == ticket.level())
                && (rules.language() == null || rules.language().equals(facts.language()))
                && (rules.vipTier() == null
                        || facts.tierRank() >= facts.tierRanks().getOrDefault(rules.vipTier(), Integer.MAX_VALUE));
    }

    Facts facts(TicketView ticket, List<RoutingQueue> gameQueues) {
        String language = languageOf(tickets.metadata(ticket.id()), games.get(ticket.gameId()).defaultLocale());
        int rank = -1;
        Map<String, Integer> ranks = new java.util.HashMap<>();
        if (gameQueues.stream().anyMatch(q -> q.view().vipTier() != null)) {
            List<String> codes = profiles.tierCodes();
            for (int i = 0; i < codes.size(); i++) {
                ranks.put(codes.get(i), i);
            }
            try {
                rank = profiles.tier(ticket.playerId()).rank();
            } catch (RuntimeException unreachable) {
                log.debug("VIP tier of player {} unknown for routing: {}", ticket.playerId(), unreachable.getMessage());
                rank = 0;
            }
        }
        return new Facts(language, rank, ranks);
    }

    /**
     * The player's language: the ticket's {@code language}, {@code lang} or {@code locale} metadata
     * (as the game client sends it), else the game's default language; only the primary subtag
     * counts ({@code zh-CN} and {@code zh-TW} are both {@code zh}).
     */
    public static String languageOf(Map<String, String> metadata, String gameDefault) {
        for (String key : LANGUAGE_KEYS) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                return primary(value);
            }
        }
        return gameDefault == null ? null : primary(gameDefault);
    }

    public static String primary(String tag) {
        String normal = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = normal.indexOf('-');
        return dash < 0 ? normal : normal.substring(0, dash);
    }

    /** Unassigned tickets of games with queues, offered again (agents came online or on shift). */
    public int sweep(int perGame) {
        int assigned = 0;
        for (UUID gameId : new HashSet<>(queues.gamesWithQueues())) {
            var waiting = tickets.search(new org.playerdesk.ticket.TicketFilter(null, gameId,
                    org.playerdesk.ticket.TicketStatus.ACTIVE, null, null, null, null, true, null, null, null,
                    org.playerdesk.ticket.TicketFilter.Order.DUE), 0, perGame);
            for (TicketView ticket : waiting) {
                if (assignNew(ticket.id(), null).isPresent()) {
                    assigned++;
                }
            }
        }
        return assigned;
    }
}

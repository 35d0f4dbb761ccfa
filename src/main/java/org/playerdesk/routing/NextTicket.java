package org.playerdesk.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.internal.AgentBook;
import org.playerdesk.routing.internal.Dispatcher;
import org.playerdesk.routing.internal.RoutedTicket;
import org.playerdesk.routing.internal.RoutedTicketRepository;
import org.playerdesk.routing.internal.RoutingQueue;
import org.playerdesk.routing.internal.RoutingQueueRepository;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.retry.Retries;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Next": gives the agent the most urgent unassigned ticket of their queues (nearest service-level
 * deadline first, then the highest priority, then the oldest), within their capacity. Each try
 * claims the ticket conditionally; when another agent got it first, the next one is tried, so two
 * agents pressing Next at once never get the same ticket. An agent a {@link WorkPause} keeps from
 * new tickets (on a break, away, offline, new hires with onboarding exams to pass) is refused.
 */
@Service
public class NextTicket {

    static final int PAGE = 100;
    static final int PAGES_MAX = 5;

    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final RoutingQueueRepository queues;
    private final RoutedTicketRepository routed;
    private final AgentBook book;
    private final Dispatcher dispatcher;
    private final TransactionTemplate transactions;
    private final RetryTemplate raced = Retries.atOnce(3, DataIntegrityViolationException.class);

    NextTicket(TicketQueries tickets, TicketDesk desk, RoutingQueueRepository queues, RoutedTicketRepository routed,
            AgentBook book, Dispatcher dispatcher, PlatformTransactionManager transactionManager) {
        this.tickets = tickets;
        this.desk = desk;
        this.queues = queues;
        this.routed = routed;
        this.book = book;
        this.dispatcher = dispatcher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The ticket now assigned to the agent, or empty when nothing of theirs is waiting. */
    public Optional<TicketView> next(StaffMember member) {
        if (dispatcher.paused(member.id())) {
            throw new RuleViolation("routing.next.paused", "you take no new ticket now: on a break, away, offline, "
                    + "or kept by onboarding exams still to pass");
        }
        AgentBook.Agent agent = book.agent(member);
        Set<UUID> scope = member.role().seesAllGames() ? null : member.gameIds();
        if (scope != null && scope.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> mine = transactions.execute(status -> (scope == null ? queues.findAll() : queues.inOrder(scope))
                .stream().map(RoutingQueue::view).filter(q -> dispatcher.works(q, agent)).map(QueueView::id)
                .collect(Collectors.toSet()));
        inTransaction(() -> {
            requireRoom(agent);
            return null;
        });
        for (int page = 0; page < PAGES_MAX; page++) {
            Slice<TicketView> waiting = tickets.search(new TicketFilter(scope, null, TicketStatus.ACTIVE, null, null,
                    null, null, true, null, null, null, TicketFilter.Order.DUE), page, PAGE);
            Map<UUID, RoutedTicket> routes = routed.findAllById(waiting.map(TicketView::id).toList()).stream()
                    .collect(Collectors.toMap(RoutedTicket::ticketId, Function.identity()));
            for (TicketView ticket : waiting) {
                RoutedTicket route = routes.get(ticket.id());
                UUID queue = route != null ? route.queueId() : dispatcher.queueOf(ticket).orElse(null);
                if (!agent.tier().works(ticket.level()) || queue != null && !mine.contains(queue)
                        || dispatcher.heldByLiveChat(ticket)) {
                    continue;
                }
                Optional<TicketView> taken = tryClaim(agent, ticket.id());
                if (taken.isPresent()) {
                    return taken;
                }
            }
            if (!waiting.hasNext()) {
                break;
            }
        }
        return Optional.empty();
    }

    private Optional<TicketView> tryClaim(AgentBook.Agent agent, UUID ticketId) {
        try {
            return inTransaction(() -> {
                requireRoom(agent);
                return desk.claim(ticketId, agent.id(), Actor.agent(agent.id(), agent.member().displayName()));
            });
        } catch (ConcurrencyFailureException lost) {
            return Optional.empty();
        }
    }

    /** In a transaction of its own, again when the agent's row was being created by a concurrent call. */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return raced.invoke(() -> transactions.execute(status -> work.get()));
    }

    /** Locks the agent's row and refuses when they already hold as many tickets as they may. */
    private void requireRoom(AgentBook.Agent agent) {
        int capacity = book.lockCapacities(List.of(agent.id())).getOrDefault(agent.id(), 0);
        long held = tickets.heldBy(List.of(agent.id())).getOrDefault(agent.id(), 0L);
        if (held >= capacity) {
            throw new RuleViolation("routing.next.full", "you already hold as many open tickets as your capacity allows",
                    held, capacity);
        }
    }
}

package org.playerdesk.ticket.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the inbox's bulk jobs and shows how they stand. A job is stored with its tickets, as
 * chosen or as the filter matched them at that moment (of the games the agent serves only), and
 * its action checked once; the tickets themselves are changed in the background by
 * {@link BulkWorker}, each through the same commands as on its own page.
 */
@Service
@Transactional
public class BulkJobs {

    /** How many failures a job's page lists; the count covers them all. */
    public static final int FAILURES_SHOWN = 200;

    private final BulkStore store;
    private final TicketQueries queries;
    private final ObjectProvider<BulkTicketAction> actions;
    private final ApplicationEventPublisher events;
    private final BulkProperties properties;
    private final Clock clock;

    BulkJobs(BulkStore store, TicketQueries queries, ObjectProvider<BulkTicketAction> actions,
            ApplicationEventPublisher events, BulkProperties properties, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.actions = actions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every bulk action there is, in the order of the bar. */
    @Transactional(readOnly = true)
    public List<BulkTicketAction> actions() {
        return actions.stream().sorted(Comparator.comparingInt(BulkTicketAction::order)).toList();
    }

    /** The action of this code, if there is one. */
    public Optional<BulkTicketAction> action(String code) {
        return actions.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** A job over the tickets chosen one by one; those the agent cannot see are left out. */
    public BulkJobView start(StaffUser agent, String action, String value, Collection<UUID> chosen) {
        BulkTicketAction checked = offered(agent, action);
        BulkTicketAction.Choice choice = checked.chosen(value, agent);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(chosen));
        if (distinct.size() > properties.maxTickets()) {
            throw tooMany();
        }
        Map<UUID, TicketRef> found = queries.refs(distinct).stream()
                .collect(Collectors.toMap(TicketRef::id, Function.identity()));
        List<TicketRef> tickets = distinct.stream().map(found::get).filter(Objects::nonNull)
                .filter(ticket -> agent.serves(ticket.gameId())).toList();
        return store(agent, checked, choice, tickets);
    }

    /**
     * A job over every ticket the filter matches now (the filter is limited to the games the agent
     * serves; so is what it finds), oldest first; tickets that match later are not in it.
     */
    public BulkJobView startMatching(StaffUser agent, String action, String value, TicketFilter filter) {
        BulkTicketAction checked = offered(agent, action);
        BulkTicketAction.Choice choice = checked.chosen(value, agent);
        TicketFilter served = new TicketFilter(agent.gameScope(), filter.gameId(), filter.statuses(), filter.type(),
                filter.priority(), filter.channel(), filter.assigneeId(), filter.unassigned(), filter.number(),
                filter.playerIds(), filter.words(), filter.order());
        List<TicketRef> tickets = queries.matching(served, properties.maxTickets() + 1).stream()
                .filter(ticket -> agent.serves(ticket.gameId())).toList();
        return store(agent, checked, choice, tickets);
    }

    private BulkJobView store(StaffUser agent, BulkTicketAction action, BulkTicketAction.Choice choice,
            List<TicketRef> tickets) {
        if (tickets.isEmpty()) {
            throw InvalidInput.of("tickets", "invalid.bulk.none");
        }
        if (tickets.size() > properties.maxTickets()) {
            throw tooMany();
        }
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.insert(id, Actor.agent(agent.id(), agent.displayName()), action.code(), choice.value(), choice.label(),
                choice.labelKey(), tickets, properties.batchSize(), now);
        events.publishEvent(new BulkJobStarted(id, now));
        return view(id).orElseThrow();
    }

    private InvalidInput tooMany() {
        return InvalidInput.of("tickets", "invalid.bulk.tooMany", properties.maxTickets());
    }

    /** The action, if this agent is offered it: an unknown one is bad input, one beyond their role is refused. */
    private BulkTicketAction offered(StaffUser agent, String code) {
        BulkTicketAction action = action(code == null ? "" : code.strip())
                .orElseThrow(() -> InvalidInput.of("action", "invalid.unknownValue"));
        if (!action.offeredTo(agent)) {
            throw new AccessDeniedException("the bulk action " + action.code() + " is not for this member of staff");
        }
        return action;
    }

    /** The job with its counts and first failures. */
    @Transactional(readOnly = true)
    public Optional<BulkJobView> view(UUID jobId) {
        return store.job(jobId).map(job -> {
            Map<String, Long> counts = store.counts(jobId);
            long failed = counts.getOrDefault(BulkStore.FAILED, 0L);
            return new BulkJobView(job.id(), job.actor().id(), job.actor().name(), job.action(), job.choiceLabel(),
                    job.choiceKey(), job.total(), counts.getOrDefault(BulkStore.DONE, 0L), failed, job.createdAt(),
                    job.finishedAt(), failed == 0 ? List.of() : store.failures(jobId, FAILURES_SHOWN));
        });
    }
}

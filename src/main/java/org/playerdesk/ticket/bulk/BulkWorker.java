package org.playerdesk.ticket.bulk;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.bulk.BulkStore.Claim;
import org.playerdesk.ticket.bulk.BulkStore.Item;
import org.playerdesk.ticket.bulk.BulkStore.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the bulk jobs of every node, from the database only. A node claims one batch at a time for
 * {@code playerdesk.bulk.lease}; each ticket of it is changed in a transaction of its own that
 * also settles it, so one refusal undoes nothing else and a ticket settled by one node is never
 * changed again by another. A node that dies leaves its batch claimed until the lease runs out,
 * and then any node (itself after a restart) goes on with the tickets not yet settled. Before each
 * ticket the agent who started the job is checked again: still working tickets, still serving the
 * ticket's game. The work runs on a thread of its own, woken when a job is stored on this node and
 * every {@code playerdesk.bulk.poll-interval}, so it never holds up the event listeners or the
 * other sweeps.
 */
@Component
public class BulkWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);

    private final BulkStore store;
    private final ObjectProvider<BulkTicketAction> actions;
    private final TicketQueries queries;
    private final StaffDirectory staff;
    private final ConflictRetry conflicts;
    private final BulkProperties properties;
    private final Clock clock;
    private final TransactionTemplate joining;
    private final TransactionTemplate eachTicket;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Ids.next();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("bulk-worker").daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    BulkWorker(BulkStore store, ObjectProvider<BulkTicketAction> actions, TicketQueries queries,
            StaffDirectory staff, ConflictRetry conflicts, BulkProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.actions = actions;
        this.queries = queries;
        this.staff = staff;
        this.conflicts = conflicts;
        this.properties = properties;
        this.clock = clock;
        this.joining = new TransactionTemplate(transactions);
        this.eachTicket = new TransactionTemplate(transactions);
        this.eachTicket.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void started(BulkJobStarted started) {
        wake();
    }

    @Scheduled(initialDelayString = "${playerdesk.bulk.poll-interval:10s}",
            fixedDelayString = "${playerdesk.bulk.poll-interval:10s}")
    void poll() {
        wake();
    }

    /** Has this node's worker look for work, unless it is about to already. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                DatabaseUnavailable.tolerate(log, "Bulk changes not worked on yet", () -> {
                    work(node, clock);
                    int pruned = store.prune(clock.instant().minus(properties.keep()));
                    if (pruned > 0) {
                        log.info("forgot {} bulk jobs finished more than {} ago", pruned, properties.keep());
                    }
                });
            });
        }
    }

    /**
     * Claims and works one batch after another, as {@code node}, until no batch is left that
     * nobody holds at the clock's time; answers how many tickets this call settled.
     */
    public int work(String node, Clock clock) {
        int settled = 0;
        Optional<Claim> claim;
        while ((claim = claim(null, node, clock.instant())).isPresent()) {
            settled += work(claim.get(), Integer.MAX_VALUE);
        }
        return settled;
    }

    /**
     * Claims one batch of the job (of any job when {@code jobId} is null) for {@code node} as of
     * {@code now}, in the caller's transaction when there is one.
     */
    public Optional<Claim> claim(UUID jobId, String node, Instant now) {
        return joining.execute(status -> store.claimNext(jobId, node, now, now.plus(properties.lease())));
    }

    /**
     * Settles up to {@code limit} tickets of a claimed batch, then marks it finished when none is
     * left; answers how many this call settled. Stopping short leaves the batch claimed until its
     * lease runs out, as a node that died would.
     */
    public int work(Claim claim, int limit) {
        Job job = store.job(claim.jobId()).orElse(null);
        if (job == null) {
            return 0;
        }
        BulkTicketAction action = actions.stream().filter(a -> a.code().equals(job.action())).findFirst()
                .orElse(null);
        StaffMember agent = agent(job);
        int settled = 0;
        for (Item item : store.pending(claim)) {
            if (settled >= limit) {
                return settled;
            }
            if (settle(job, action, agent, item)) {
                settled++;
            }
        }
        eachTicket.executeWithoutResult(status -> store.finish(claim, clock.instant()));
        return settled;
    }

    /** The agent as they are now (a lead may have taken a game away since the job started); null when gone. */
    private StaffMember agent(Job job) {
        try {
            return staff.get(job.actor().id());
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private boolean settle(Job job, BulkTicketAction action, StaffMember agent, Item item) {
        try {
            return Boolean.TRUE.equals(conflicts.call(() -> {
                if (!store.settle(job.id(), item.seq(), BulkStore.DONE, null, clock.instant())) {
                    return false;
                }
                TicketView ticket = queries.head(item.ticketId());
                allowed(agent, ticket, action);
                action.apply(ticket, job.choice(), agent);
                return true;
            }));
        } catch (RuleViolation | InvalidInput | NotFoundException refused) {
            return failed(job, item, FailureReason.of(refused));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                // the batch stays claimed; when the lease runs out it is worked again
                throw e;
            }
            if (DatabaseUnavailable.conflict(e)) {
                return failed(job, item, FailureReason.changedMeanwhile());
            }
            log.warn("bulk job {} could not change ticket {}", job.id(), item.ticketId(), e);
            return failed(job, item, FailureReason.unexpected());
        }
    }

    /** What the agent may do now, checked again for each ticket. */
    private static void allowed(StaffMember agent, TicketView ticket, BulkTicketAction action) {
        if (agent == null || !agent.enabled() || !agent.can(Permission.WORK_TICKETS)) {
            throw new RuleViolation("bulk.not-allowed", "the agent who started the job may no longer work tickets");
        }
        if (!agent.serves(ticket.gameId())) {
            throw new RuleViolation("bulk.not-served", "the agent no longer serves the ticket's game");
        }
        if (action == null) {
            throw new RuleViolation("bulk.action-gone", "this kind of bulk action is no longer offered");
        }
    }

    private boolean failed(Job job, Item item, FailureReason reason) {
        return Boolean.TRUE.equals(eachTicket.execute(
                status -> store.settle(job.id(), item.seq(), BulkStore.FAILED, reason, clock.instant())));
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}

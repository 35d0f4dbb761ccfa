package org.playerdesk.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.sla.SlaEvents.SlaBreached;
import org.playerdesk.sla.SlaEvents.SlaWarning;
import org.playerdesk.sla.SlaPolicies;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the warnings and breaches that are due, from the database only (so a restart loses
 * nothing). Each timer is claimed by a version-checked UPDATE in its own transaction before
 * anything else happens: on several nodes the second one to reach the row updates nothing and
 * steps aside, and the unique (timer, round, kind) of the firing record backs that up. Within
 * that transaction the firing is recorded, written into the ticket's history and published as
 * {@link SlaWarning} or {@link SlaBreached}; the policy's actions follow from that event.
 */
@Component
public class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);
    static final int BATCH = 200;

    private final SlaTimerRepository timers;
    private final SlaFiringRepository firings;
    private final SlaPolicies policies;
    private final SlaClocks clocks;
    private final TicketDesk desk;
    private final GameCatalog games;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    SlaSweep(SlaTimerRepository timers, SlaFiringRepository firings, SlaPolicies policies, SlaClocks clocks,
            TicketDesk desk, GameCatalog games, MessageSource messages, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.timers = timers;
        this.firings = firings;
        this.policies = policies;
        this.clocks = clocks;
        this.desk = desk;
        this.games = games;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(initialDelayString = "${playerdesk.sla.sweep-delay:10s}",
            fixedDelayString = "${playerdesk.sla.sweep-interval:15s}")
    void scheduled() {
        try {
            sweep(clock.instant(), null);
        } catch (RuntimeException e) {
            log.warn("service-level sweep failed; the next one tries again: {}", e.toString());
        }
    }

    /**
     * Fires what is due by {@code now} in the given games (null: all) and answers how many
     * warnings and breaches this node fired.
     */
    public int sweep(Instant now, Collection<UUID> gameScope) {
        int fired = 0;
        for (int round = 0; round < 20; round++) {
            List<UUID> due = gameScope == null ? timers.dueBy(now, PageRequest.of(0, BATCH))
                    : timers.dueBy(now, gameScope, PageRequest.of(0, BATCH));
            int before = fired;
            for (UUID id : due) {
                fired += fireOne(id, now);
            }
            if (due.size() < BATCH || fired == before) {
                break;
            }
        }
        return fired;
    }

    private int fireOne(UUID timerId, Instant now) {
        try {
            Integer count = transactions.execute(status -> fire(timerId, now));
            return count == null ? 0 : count;
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException claimedElsewhere) {
            return 0;
        }
    }

    private int fire(UUID timerId, Instant now) {
        SlaTimer timer = timers.findById(timerId).orElse(null);
        if (timer == null || !timer.running() || timer.nextFireAt() == null || timer.nextFireAt().isAfter(now)) {
            return 0;
        }
        PolicyView policy = timer.policyId() == null ? null
                : policies.policies(timer.gameId()).stream().filter(p -> p.id().equals(timer.policyId())).findFirst()
                        .orElse(null);
        boolean warn = timer.warnedAt() == null && !timer.warnAt().isAfter(now);
        boolean breach = timer.breachedAt() == null && !timer.dueAt().isAfter(now);
        if (warn) {
            timer.markWarned(now);
        }
        if (breach) {
            timer.markBreached(now);
        }
        // the claim: a version-checked UPDATE; a node that lost the race fails here, before any effect
        timers.saveAndFlush(timer);
        Locale locale = locale(timer.gameId());
        String target = messages.getMessage("sla.target." + timer.target().code(), null, locale);
        int fired = 0;
        if (warn) {
            firings.save(new SlaFiring(timer, SlaFiring.WARNING,
                    policy == null ? "" : SlaPolicy.codes(policy.warningActions()), now));
            long left = Math.max(0, Duration.between(now, timer.dueAt()).toMinutes());
            desk.recordInHistory(timer.ticketId(), Actor.SYSTEM,
                    messages.getMessage("sla.history.warning", new Object[] {target, left}, locale));
            events.publishEvent(new SlaWarning(timer.ticketId(), timer.gameId(), timer.target(), timer.dueAt(), now));
            fired++;
        }
        if (breach) {
            firings.save(new SlaFiring(timer, SlaFiring.BREACH,
                    policy == null ? "" : SlaPolicy.codes(policy.breachActions()), now));
            desk.recordInHistory(timer.ticketId(), Actor.SYSTEM,
                    messages.getMessage("sla.history.breach", new Object[] {target}, locale));
            events.publishEvent(new SlaBreached(timer.ticketId(), timer.gameId(), timer.target(), timer.dueAt(), now));
            fired++;
        }
        clocks.track(timer.ticketId());
        return fired;
    }

    private Locale locale(UUID gameId) {
        try {
            return Locale.forLanguageTag(games.get(gameId).defaultLocale());
        } catch (RuntimeException unknown) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}

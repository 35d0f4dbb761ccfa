package org.playerdesk.automation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.automation.RunStep;
import org.playerdesk.automation.TimeRuleKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time rules' sweep. For each game and switched-on rule it reads, in batches by the time of
 * their last change (index ticket_by_status_updated), the tickets that became due since the last
 * sweep: resolved ones to close, ones waiting on the player to remind. Each ticket is claimed in
 * the record of runs under the time of its last change before anything is done, so two nodes
 * sweeping at once act once; a reminder also claims the change it makes itself, so a player is
 * reminded once for each time the ticket waits on them. A player's reply reopens the ticket (or
 * a new change moves its time on), and the ticket is no longer due.
 */
@Component
public class TimeRuleSweep {

    private static final Logger log = LoggerFactory.getLogger(TimeRuleSweep.class);

    private final TimeRuleRepository rules;
    private final TimeRuleDefaults defaults;
    private final Executions executions;
    private final CausedEvents caused;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final CannedReplies cannedReplies;
    private final RuleActions actions;
    private final GameCatalog games;
    private final MessageSource messages;
    private final AutomationSettings settings;
    private final Clock clock;
    private final TransactionTemplate eachTicket;

    TimeRuleSweep(TimeRuleRepository rules, TimeRuleDefaults defaults, Executions executions, CausedEvents caused,
            TicketQueries tickets, TicketDesk desk, CannedReplies cannedReplies, RuleActions actions,
            GameCatalog games, MessageSource messages, AutomationSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.rules = rules;
        this.defaults = defaults;
        this.executions = executions;
        this.caused = caused;
        this.tickets = tickets;
        this.desk = desk;
        this.cannedReplies = cannedReplies;
        this.actions = actions;
        this.games = games;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.eachTicket = new TransactionTemplate(transactions);
        this.eachTicket.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(initialDelayString = "${playerdesk.automation.sweep-interval:1m}",
            fixedDelayString = "${playerdesk.automation.sweep-interval:1m}")
    void run() {
        DatabaseUnavailable.tolerate(log, "Time rules not swept yet", () -> {
            Instant now = clock.instant();
            for (GameInfo game : games.all()) {
                sweep(game.id(), now);
            }
            executions.prune(now.minus(settings.keep()));
            caused.prune(now.minus(Duration.ofDays(7)));
        });
    }

    /** Sweeps one game's time rules as of {@code now}; answers how many tickets were acted on. */
    public int sweep(UUID gameId, Instant now) {
        defaults.give(gameId);
        int acted = 0;
        for (TimeRule rule : rules.findByGameIdOrderByKindAsc(gameId)) {
            if (rule.enabled()) {
                acted += sweep(rule, now);
            }
        }
        return acted;
    }

    private int sweep(TimeRule rule, Instant now) {
        TicketStatus status = rule.kind() == TimeRuleKind.CLOSE_RESOLVED ? TicketStatus.RESOLVED
                : TicketStatus.PENDING_PLAYER;
        Instant dueBefore = now.minus(Duration.ofHours(rule.hours()));
        Instant afterAt = rule.sweptUntil();
        UUID afterId = null;
        int acted = 0;
        boolean complete = true;
        while (true) {
            List<TicketView> batch = tickets.idle(rule.gameId(), status, afterAt, afterId, dueBefore,
                    settings.batchSize());
            for (TicketView ticket : batch) {
                try {
                    if (act(rule, ticket)) {
                        acted++;
                    }
                } catch (ConcurrencyFailureException changedMeanwhile) {
                    // someone changed the ticket at this moment, or another node holds it: the next sweep
                    // looks at it again
                    complete = false;
                }
            }
            if (batch.size() < settings.batchSize()) {
                break;
            }
            afterAt = batch.getLast().updatedAt();
            afterId = batch.getLast().id();
        }
        if (complete) {
            eachTicket.executeWithoutResult(s -> rules.sweptUntil(rule.getId(), dueBefore));
        }
        return acted;
    }

    private boolean act(TimeRule rule, TicketView due) {
        String key = keyOf(due.id(), due.updatedAt());
        try {
            return Boolean.TRUE.equals(eachTicket.execute(status -> {
                TicketView ticket = tickets.head(due.id());
                if (ticket.status() != due.status()
                        || ticket.updatedAt().toEpochMilli() != due.updatedAt().toEpochMilli()) {
                    return false;
                }
                if (!executions.claim(rule.getId(), rule.gameId(), ticket.id(), key, 0, "running", null)) {
                    return false;
                }
                Actor actor = new Actor(Actor.Kind.SYSTEM, rule.getId(), Texts.abbreviate("⚙ " + messages.getMessage(
                        "automation.time." + rule.kind().code(), null, locale(rule)), 100));
                caused.during(1, rule.getId(), () -> {
                    if (rule.kind() == TimeRuleKind.CLOSE_RESOLVED) {
                        desk.changeStatus(ticket.id(), TicketStatus.CLOSED, actor);
                    } else {
                        String text = cannedReplies.fill(rule.message(), ticket.id(), actions.agentName(ticket));
                        desk.reply(ticket.id(), actor, text, List.of(), null);
                        // the reminder changed the ticket: that change is not a new wait to remind about
                        executions.claim(rule.getId(), rule.gameId(), ticket.id(),
                                keyOf(ticket.id(), tickets.head(ticket.id()).updatedAt()), 1, Executions.COVERED, null);
                    }
                    return null;
                });
                executions.finish(rule.getId(), key, Executions.DONE, List.of(RunStep.of(
                        rule.kind() == TimeRuleKind.CLOSE_RESOLVED ? "automation.run.closedAfter"
                                : "automation.run.remindedAfter", RunStep.Arg.text(rule.hours()))));
                return true;
            }));
        } catch (RuleViolation | InvalidInput | NotFoundException refused) {
            eachTicket.executeWithoutResult(s -> executions.claim(rule.getId(), rule.gameId(), due.id(), key, 0,
                    Executions.FAILED, Executions.refusal(refused)));
            return false;
        }
    }

    private Locale locale(TimeRule rule) {
        return actions.localeOf(rule.gameId());
    }

    /** A ticket as it stood at its last change (to the millisecond, as every database keeps it). */
    static String keyOf(UUID ticketId, Instant updatedAt) {
        return "idle:" + ticketId + ":" + updatedAt.toEpochMilli();
    }
}

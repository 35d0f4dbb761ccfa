package org.playerdesk.automation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RunStep;
import org.playerdesk.automation.RuleConditions;
import org.playerdesk.automation.RuleTrigger;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.system.cache.ReferenceCache;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a game's event rules for one triggering event, in their order. Each rule that matches runs
 * in a transaction of its own (tried again on the fresh ticket when a concurrent change got there
 * first): it claims its run first (so it runs once per event, even when the
 * event is delivered again), then acts; if the ticket's rules refuse one of its actions, none of
 * them is kept and the run is recorded as failed. Rules see the ticket as the rules before them
 * left it.
 */
@Component
public class RuleRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleRunner.class);

    private final AutomationRuleRepository rules;
    private final RuleJson json;
    private final Executions executions;
    private final CausedEvents caused;
    private final RuleActions actions;
    private final TicketQueries tickets;
    private final PlayerProfiles profiles;
    private final AutomationSettings settings;
    private final Clock clock;
    private final TransactionTemplate eachRule;
    private final ConflictRetry conflicts;
    /**
     * Whether a game has enabled rules of a trigger, as last read: most games have none for most
     * events, and every ticket's events ask. Forgotten whenever a rule changes (another node's
     * change within five seconds).
     */
    private final ReferenceCache<Map<String, Boolean>> anyRules;

    RuleRunner(AutomationRuleRepository rules, RuleJson json, Executions executions, CausedEvents caused,
            RuleActions actions, TicketQueries tickets, PlayerProfiles profiles, AutomationSettings settings,
            Clock clock, PlatformTransactionManager transactions, ConflictRetry conflicts, ReferenceData referenceData) {
        this.conflicts = conflicts;
        this.anyRules = referenceData.cache(AutomationRule.class, Duration.ofSeconds(5));
        this.rules = rules;
        this.json = json;
        this.executions = executions;
        this.caused = caused;
        this.actions = actions;
        this.tickets = tickets;
        this.profiles = profiles;
        this.settings = settings;
        this.clock = clock;
        this.eachRule = new TransactionTemplate(transactions);
        this.eachRule.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs the rules of {@code trigger} for this event; {@code messageId} is the message that
     * triggered them, if any. The message a ticket is opened with comes with {@code created}, not
     * as a reply (the ticket module publishes no message event for it).
     */
    public void run(RuleTrigger trigger, Object event, UUID ticketId, UUID gameId, UUID messageId) {
        Map<String, Boolean> known = anyRules.get(ConcurrentHashMap::new);
        String game = gameId + " " + trigger.code();
        if (Boolean.FALSE.equals(known.get(game))) {
            return;
        }
        List<AutomationRule> candidates = rules.findByGameIdAndTriggerAndEnabledTrueOrderByPositionAscCreatedAtAsc(
                gameId, trigger);
        known.put(game, !candidates.isEmpty());
        if (candidates.isEmpty()) {
            return;
        }
        String key = CausedEvents.keyOf(event);
        CausedEvents.Cause cause = caused.causeOf(key);
        for (AutomationRule rule : candidates) {
            if (!rule.getId().equals(cause.rule())) {
                runOne(rule, key, cause.depth(), ticketId, messageId);
            }
        }
    }

    private void runOne(AutomationRule rule, String key, int depth, UUID ticketId, UUID messageId) {
        try {
            conflicts.run(() -> {
                TicketView ticket = tickets.head(ticketId);
                if (!matches(json.conditions(rule), ticket, messageId)) {
                    return;
                }
                if (!executions.claim(rule.getId(), rule.gameId(), ticketId, key, depth, "running", null)) {
                    return;
                }
                if (depth >= settings.maxDepth()) {
                    executions.finish(rule.getId(), key, Executions.STOPPED,
                            List.of(RunStep.of("automation.run.stopped", RunStep.Arg.text(depth))));
                    return;
                }
                List<RunStep> done = caused.during(depth + 1, rule.getId(), () -> act(rule, ticket));
                executions.finish(rule.getId(), key, Executions.DONE, done);
            });
        } catch (RuleViolation | InvalidInput | NotFoundException refused) {
            log.info("Automation rule {} refused on ticket {}: {}", rule.getId(), ticketId, refused.getMessage());
            eachRule.executeWithoutResult(status -> executions.claim(rule.getId(), rule.gameId(), ticketId, key, depth,
                    Executions.FAILED, Executions.refusal(refused)));
        }
    }

    private List<RunStep> act(AutomationRule rule, TicketView ticket) {
        Actor actor = actorOf(rule);
        List<RunStep> done = new ArrayList<>();
        for (RuleAction action : json.actions(rule)) {
            done.add(actions.apply(action, ticket.id(), actor, rule.name()));
        }
        return done;
    }

    /** Who the history names: the rule, by its name (its id is the actor's id). */
    static Actor actorOf(AutomationRule rule) {
        return new Actor(Actor.Kind.SYSTEM, rule.getId(), Texts.abbreviate("⚙ " + rule.name(), 100));
    }

    boolean matches(RuleConditions c, TicketView ticket, UUID messageId) {
        if (!anyOf(c.channels(), ticket.channel().code()) || !anyOf(c.types(), ticket.type().code())
                || !anyOf(c.priorities(), ticket.priority().code()) || !anyOf(c.statuses(), ticket.status().code())) {
            return false;
        }
        if (!ticket.tags().containsAll(c.tagsPresent()) || c.tagsAbsent().stream().anyMatch(ticket.tags()::contains)) {
            return false;
        }
        if (c.hourFrom() != null && c.hourTo() != null) {
            int hour = ZonedDateTime.ofInstant(clock.instant(), settings.zone()).getHour();
            boolean inside = c.hourFrom() <= c.hourTo() ? hour >= c.hourFrom() && hour <= c.hourTo()
                    : hour >= c.hourFrom() || hour <= c.hourTo();
            if (!inside) {
                return false;
            }
        }
        if (!c.words().isEmpty() && !containsAny(text(ticket, messageId), c.words())) {
            return false;
        }
        return c.vipTiers().isEmpty() || c.vipTiers().contains(tierOf(ticket));
    }

    private String tierOf(TicketView ticket) {
        try {
            return profiles.tier(ticket.playerId()).code();
        } catch (RuntimeException unavailable) {
            // the game could not be asked and no figures are known: the condition does not hold
            log.info("VIP tier of player {} unknown: {}", ticket.playerId(), unavailable.getMessage());
            return null;
        }
    }

    /** The subject and the message that triggered the rule, or the player's first message. */
    private String text(TicketView ticket, UUID messageId) {
        Optional<MessageView> message = messageId == null ? Optional.empty() : tickets.message(ticket.id(), messageId);
        String body = message.or(() -> tickets.openingMessage(ticket.id())).map(MessageView::body).orElse("");
        return ticket.subject() + "\n" + body;
    }

    private static boolean anyOf(List<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    private static boolean containsAny(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
    }
}

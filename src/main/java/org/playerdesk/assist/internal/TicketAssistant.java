package org.playerdesk.assist.internal;

import org.playerdesk.system.events.OutboxListener;
import java.time.Clock;
import java.util.List;

import org.playerdesk.assist.Classification;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Classifies each new ticket and applies what it is sure enough of, unless someone chose that
 * value after the ticket was opened (an agent's or a rule's choice is never overridden by a
 * classification that ran later); when a ticket is resolved,
 * keeps its final type and priority (after any correction by an agent) as a training example;
 * retrains the models on a schedule. Each node trains its own copy from the same stored
 * examples, so no lock between nodes is needed.
 */
@Component
class TicketAssistant {

    static final String HOSTILE_TAG = "hostile";

    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final TicketClassifier classifier;
    private final ExampleRepository examples;
    private final AssistSettings settings;
    private final Clock clock;
    private final ConflictRetry retry;

    TicketAssistant(TicketQueries tickets, TicketDesk desk, TicketClassifier classifier, ExampleRepository examples,
            AssistSettings settings, Clock clock, ConflictRetry retry) {
        this.retry = retry;
        this.tickets = tickets;
        this.desk = desk;
        this.classifier = classifier;
        this.examples = examples;
        this.settings = settings;
        this.clock = clock;
    }

    /** Retried on a fresh read when an agent changed the ticket at the same moment. */
    @OutboxListener(transactional = false)
    void on(TicketCreated created) {
        try {
            retry.run(() -> classify(created, true));
        } catch (RuleViolation closedMeanwhile) {
            // an agent closed the ticket while it was being classified: keep the suggestion only
            retry.run(() -> classify(created, false));
        }
    }

    private void classify(TicketCreated created, boolean mayApply) {
        if (examples.existsById(created.ticketId())) {
            return;
        }
        // the subject and the player's opening words, without the rest of the conversation or its files
        TicketView ticket = tickets.head(created.ticketId());
        String text = ticket.subject() + "\n"
                + tickets.openingMessage(created.ticketId()).map(MessageView::body).orElse("");
        Classification suggested = classifier.classify(ticket.gameId(), text);
        Example example = new Example(ticket.id(), ticket.gameId(), text, suggested, clock.instant());
        double threshold = mayApply && ticket.status().isActive() ? settings.of(ticket.gameId()).applyThreshold()
                : Double.POSITIVE_INFINITY;
        if (suggested.typeConfidence() >= threshold && suggested.type() != ticket.type()
                && ticket.type() == created.type()) {
            desk.retype(ticket.id(), suggested.type(), Actor.SYSTEM);
            example.applied();
        }
        if (suggested.priorityConfidence() >= threshold && suggested.priority() != ticket.priority()
                && ticket.priority() == created.priority()) {
            desk.prioritize(ticket.id(), suggested.priority(), Actor.SYSTEM);
            example.applied();
        }
        if (suggested.hostile() && mayApply && ticket.status().isActive()) {
            desk.tag(ticket.id(), HOSTILE_TAG, Actor.SYSTEM);
        }
        examples.save(example);
    }

    /** A resolved ticket teaches what it really was: its type and priority now, after the agents' corrections. */
    @Async
    @TransactionalEventListener
    void on(TicketStatusChanged changed) {
        if (changed.to() != TicketStatus.RESOLVED) {
            return;
        }
        retry.run(() -> examples.findById(changed.ticketId()).ifPresent(example -> {
            TicketView ticket = tickets.head(changed.ticketId());
            example.label(ticket.type(), ticket.priority(), clock.instant());
            examples.save(example);
        }));
    }

    @Scheduled(initialDelayString = "${playerdesk.assist.training-delay:30s}",
            fixedDelayString = "${playerdesk.assist.training-interval:1h}")
    public void retrain() {
        // no transaction around it: each read is short, the embedding and training are not
        for (var gameId : examples.gamesWithLabels()) {
            List<TicketClassifier.LabeledText> labeled = examples.labeled(gameId,
                    PageRequest.of(0, TicketClassifier.GAME_MAX_EXAMPLES))
                    .stream().map(e -> new TicketClassifier.LabeledText(e.ticketId(), e.text(), e.labelType(),
                            e.labelPriority()))
                    .toList();
            classifier.train(gameId, labeled);
        }
    }
}

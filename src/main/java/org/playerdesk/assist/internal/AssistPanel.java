package org.playerdesk.assist.internal;

import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.assist.BotAnswers;
import org.playerdesk.assist.Classification;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * Beside a ticket: the suggested type, priority and area with their confidence, hostility, the
 * bot's answer, and a drafted reply when an endpoint for drafts is configured.
 */
@Component
class AssistPanel implements TicketPanel {

    record Data(UUID ticketId, Classification suggestion, boolean applied, boolean corrected, BotAnswers.Offer bot,
            int modelSize, boolean drafts) {
    }

    private final ExampleRepository examples;
    private final BotAnswerBook bot;
    private final TicketClassifier classifier;
    private final ReplySuggestions suggestions;

    AssistPanel(ExampleRepository examples, BotAnswerBook bot, TicketClassifier classifier,
            ReplySuggestions suggestions) {
        this.examples = examples;
        this.bot = bot;
        this.classifier = classifier;
        this.suggestions = suggestions;
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public String template() {
        return "assist/panel";
    }

    @Override
    public String title() {
        return "assist.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        Optional<Example> example = examples.findById(ticket.id());
        Optional<BotAnswers.Offer> offer = bot.find(ticket.id());
        if (example.isEmpty() && offer.isEmpty() && !suggestions.enabled()) {
            return Optional.empty();
        }
        Classification suggestion = example.map(Example::suggestion).orElse(null);
        boolean corrected = suggestion != null && suggestion.type() != ticket.type();
        return Optional.of(new Data(ticket.id(), suggestion, example.map(Example::isApplied).orElse(false), corrected,
                offer.orElse(null), classifier.modelSize(ticket.gameId()), suggestions.enabled()));
    }
}

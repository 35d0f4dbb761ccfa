package org.playerdesk.assist;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.assist.internal.AssistSettings;
import org.playerdesk.assist.internal.BotAnswerBook;
import org.playerdesk.knowledge.ArticleHit;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.SimilarQuestions;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bot's first answer: when a published article answers a player's first words with at least
 * the game's confidence threshold, the player gets it at once with "did this solve it?". Yes
 * resolves the ticket as deflected; no hands it over to an agent with a note saying what the
 * bot offered. The chat asks {@link #firstAnswer} for its own conversations. A player's words that
 * an article solved become one of that article's similar questions, so the next player who asks
 * the same way is answered more surely.
 */
@Service
@Transactional
public class BotAnswers {

    public static final String DEFLECTED_TAG = "deflected";

    /** What the player is offered on a ticket, and what became of it. */
    public record Offer(UUID ticketId, UUID articleId, String title, double confidence, String outcome) {

        public boolean open() {
            return "offered".equals(outcome);
        }
    }

    private final ArticleSearch search;
    private final AssistSettings settings;
    private final BotAnswerBook book;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final Clock clock;
    private final SimilarQuestions similarQuestions;

    BotAnswers(ArticleSearch search, AssistSettings settings, BotAnswerBook book, TicketQueries tickets,
            TicketDesk desk, Clock clock, SimilarQuestions similarQuestions) {
        this.similarQuestions = similarQuestions;
        this.search = search;
        this.settings = settings;
        this.book = book;
        this.tickets = tickets;
        this.desk = desk;
        this.clock = clock;
    }

    /** The article to answer a player's text with, if one is confident enough for this game. */
    @Transactional(readOnly = true)
    public Optional<ArticleHit> firstAnswer(UUID gameId, String text) {
        return search.answer(gameId, null, text, settings.of(gameId).botThreshold());
    }

    /**
     * The offer on a ticket: looked for the first time the player sees a new ticket nobody has
     * answered yet, then remembered with its outcome.
     */
    public Optional<Offer> offerFor(TicketView ticket) {
        Optional<Offer> known = book.find(ticket.id());
        if (known.isPresent() || ticket.status() != TicketStatus.NEW || ticket.firstResponseAt() != null) {
            return known;
        }
        TicketDetails details = tickets.details(ticket.id(), false);
        String text = ticket.subject() + "\n"
                + details.messages().stream().findFirst().map(MessageView::body).orElse("");
        return firstAnswer(ticket.gameId(), text)
                .map(hit -> book.offer(ticket.id(), ticket.gameId(), hit, clock.instant()));
    }

    /** The player's answer to "did this solve it?". */
    public void answer(TicketView ticket, boolean solved, Actor player) {
        Offer offer = book.find(ticket.id()).filter(Offer::open)
                .orElseThrow(() -> new RuleViolation("assist.bot.no-offer", "no open bot answer on this ticket"));
        book.answered(ticket.id(), solved, clock.instant());
        if (solved) {
            learn(ticket.id(), offer.articleId());
            desk.tag(ticket.id(), DEFLECTED_TAG, player);
            desk.changeStatus(ticket.id(), TicketStatus.RESOLVED, player);
        } else {
            desk.note(ticket.id(), Actor.SYSTEM, String.format(Locale.ROOT,
                    "The bot offered the article \"%s\" (confidence %.0f%%); the player says it did not solve the "
                            + "problem and asks for an agent.", offer.title(), offer.confidence() * 100), null);
        }
    }

    /**
     * The player's first words on a ticket that this article solved, learned as one of its similar
     * questions: the first message, or the subject when the message is longer than a question.
     */
    public void learn(UUID ticketId, UUID articleId) {
        String first = tickets.openingMessage(ticketId).map(MessageView::body).orElse("").strip();
        similarQuestions.learn(articleId,
                first.length() <= SimilarQuestions.QUESTION_MAX ? first : tickets.head(ticketId).subject());
    }
}

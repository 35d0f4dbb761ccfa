package org.playerdesk.assist.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.assist.BotAnswers.Offer;
import org.playerdesk.knowledge.ArticleHit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The bot answers offered, kept per ticket. */
@Component
@Transactional
public class BotAnswerBook {

    private final BotAnswerRepository answers;

    BotAnswerBook(BotAnswerRepository answers) {
        this.answers = answers;
    }

    @Transactional(readOnly = true)
    public Optional<Offer> find(UUID ticketId) {
        return answers.findById(ticketId).map(BotAnswerBook::offer);
    }

    public Offer offer(UUID ticketId, UUID gameId, ArticleHit hit, Instant now) {
        return offer(answers.save(new BotAnswer(ticketId, gameId, hit.id(), hit.title(), hit.confidence(), now)));
    }

    /**
     * An answer the bot offered in a live chat, with the player's word on it, kept once (the event
     * that reports it may come twice); an offer already kept for the ticket stays as it is.
     */
    public void recordFromChat(UUID ticketId, UUID gameId, UUID articleId, String title, double confidence,
            boolean solved, Instant at) {
        if (answers.existsById(ticketId)) {
            return;
        }
        BotAnswer answer = new BotAnswer(ticketId, gameId, articleId, title, confidence, at);
        answer.answered(solved, at);
        answers.save(answer);
    }

    public void answered(UUID ticketId, boolean solved, Instant now) {
        answers.findById(ticketId).ifPresent(answer -> answer.answered(solved, now));
    }

    private static Offer offer(BotAnswer answer) {
        return new Offer(answer.ticketId(), answer.articleId(), answer.title(), answer.confidence(), answer.outcome());
    }
}

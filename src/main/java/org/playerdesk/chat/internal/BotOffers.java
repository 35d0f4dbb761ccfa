package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.chat.ChatBot;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bot's answers in chats, from the {@link ChatBot} bean: asking it, keeping what it offered in
 * the database (so that every node, and the agent who takes the chat later, knows it), and what
 * the player did with it. Without a bot, nothing is offered and every chat queues at once.
 */
@Component
@Transactional
public class BotOffers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BotOffers.class);

    private final ObjectProvider<ChatBot> bots;
    private final BotOfferRepository offers;

    BotOffers(ObjectProvider<ChatBot> bots, BotOfferRepository offers) {
        this.bots = bots;
        this.offers = offers;
    }

    /**
     * The bot's answer to a first message, if it has one. Outside any transaction, so that nothing
     * the bot does can roll the chat back; a bot that fails is as a bot with no answer, and the
     * chat queues as it would without one.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ChatBot.Answer> ask(UUID gameId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            ChatBot bot = bots.getIfAvailable();
            if (bot == null) {
                return Optional.empty();
            }
            Optional<ChatBot.Answer> answer = bot.firstAnswer(gameId, text);
            return answer == null ? Optional.empty() : answer.filter(BotOffers::showable).map(BotOffers::trimmed);
        } catch (RuntimeException e) {
            log.warn("The chat bot could not answer a first message of game {}; the chat queues without it", gameId, e);
            return Optional.empty();
        }
    }

    public void offer(UUID sessionId, ChatBot.Answer answer, Instant now) {
        offers.save(new BotOffer(sessionId, answer, now));
    }

    @Transactional(readOnly = true)
    public Optional<ChatBot.Offer> find(UUID sessionId) {
        return offers.findById(sessionId).map(BotOffer::offer);
    }

    /** The chat's offer the player has not answered yet; refused when there is none, or it was answered. */
    public BotOffer open(UUID sessionId) {
        BotOffer offer = offers.findById(sessionId)
                .orElseThrow(() -> new RuleViolation("chat.bot.none", "the bot offered no answer in this chat"));
        if (!offer.offer().open()) {
            throw new RuleViolation("chat.bot.answered", "the bot's answer in this chat has been answered already");
        }
        return offer;
    }

    /** The player says it solved their problem: the bot closes the chat's ticket, in this transaction. */
    public void solved(UUID ticketId, BotOffer offer, Actor player) {
        ChatBot bot = bots.getIfAvailable();
        if (bot == null) {
            throw new RuleViolation("chat.bot.none", "the bot offered no answer in this chat");
        }
        bot.solved(ticketId, offer.answer(), player);
    }

    private static boolean showable(ChatBot.Answer answer) {
        return answer.articleId() != null && answer.title() != null && !answer.title().isBlank()
                && answer.link() != null && answer.link().startsWith("/") && !answer.link().startsWith("//")
                && answer.link().length() <= BotOffer.LINK_MAX;
    }

    private static ChatBot.Answer trimmed(ChatBot.Answer answer) {
        return new ChatBot.Answer(answer.articleId(), cut(answer.title().strip(), BotOffer.TITLE_MAX),
                answer.passage() == null ? null : cut(answer.passage().strip(), BotOffer.PASSAGE_MAX), answer.link(),
                Math.max(0, Math.min(1, answer.confidence())));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

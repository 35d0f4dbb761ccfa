package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.playerdesk.chat.ChatBot;
import org.playerdesk.system.errors.RuleViolation;

/** The bot's answer to a chat's first message, and what the player did with it; one per chat. */
@Entity
@Table(name = "chat_bot_offer")
public class BotOffer {

    static final int TITLE_MAX = 200;
    static final int PASSAGE_MAX = 1000;
    static final int LINK_MAX = 300;

    @Id
    private UUID sessionId;
    private UUID articleId;
    private String title;
    private String passage;
    private String link;
    private double confidence;
    private String outcome;
    private Instant offeredAt;
    private Instant answeredAt;

    protected BotOffer() {
    }

    BotOffer(UUID sessionId, ChatBot.Answer answer, Instant now) {
        this.sessionId = sessionId;
        this.articleId = answer.articleId();
        this.title = answer.title();
        this.passage = answer.passage();
        this.link = answer.link();
        this.confidence = answer.confidence();
        this.outcome = ChatBot.Offer.OFFERED;
        this.offeredAt = now;
    }

    /** What became of the answer: once only, as the player can say it only once. */
    public void settle(String outcome, Instant now) {
        if (!ChatBot.Offer.OFFERED.equals(this.outcome)) {
            throw new RuleViolation("chat.bot.answered", "the bot's answer in this chat has been answered already");
        }
        this.outcome = outcome;
        this.answeredAt = now;
    }

    public ChatBot.Answer answer() {
        return new ChatBot.Answer(articleId, title, passage, link, confidence);
    }

    public ChatBot.Offer offer() {
        return new ChatBot.Offer(answer(), outcome);
    }
}

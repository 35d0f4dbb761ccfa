package org.playerdesk.assist.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The article the bot offered a player as a first answer, and what the player said of it. */
@Entity
@Table(name = "assist_bot_answer")
public class BotAnswer {

    public static final String OFFERED = "offered";
    public static final String SOLVED = "solved";
    public static final String HANDED_OVER = "handed_over";

    @Id
    private UUID ticketId;
    private UUID gameId;
    private UUID articleId;
    private String title;
    private double confidence;
    private String outcome;
    private Instant createdAt;
    private Instant answeredAt;

    protected BotAnswer() {
    }

    BotAnswer(UUID ticketId, UUID gameId, UUID articleId, String title, double confidence, Instant now) {
        this.ticketId = ticketId;
        this.gameId = gameId;
        this.articleId = articleId;
        this.title = title;
        this.confidence = confidence;
        this.outcome = OFFERED;
        this.createdAt = now;
    }

    void answered(boolean solved, Instant now) {
        this.outcome = solved ? SOLVED : HANDED_OVER;
        this.answeredAt = now;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID articleId() {
        return articleId;
    }

    public String title() {
        return title;
    }

    public double confidence() {
        return confidence;
    }

    public String outcome() {
        return outcome;
    }

    public boolean open() {
        return OFFERED.equals(outcome);
    }
}

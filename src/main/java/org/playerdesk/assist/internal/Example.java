package org.playerdesk.assist.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.assist.Classification;
import org.playerdesk.assist.GameArea;
import org.playerdesk.assist.Mood;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.NewUntilStored;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ticket's first text with what PlayerDesk suggested for it and, once resolved, what it really
 * was (after the agents' corrections): the suggestion shown on the ticket and a training example.
 */
@Entity
@Table(name = "assist_example")
public class Example extends NewUntilStored<UUID> {

    static final int TEXT_MAX = 2000;

    @Id
    private UUID ticketId;
    private UUID gameId;
    private String text;
    private String suggestedType;
    private double typeConfidence;
    private String suggestedPriority;
    private double priorityConfidence;
    private String area;
    private boolean hostile;
    private String mood;
    private String moodCategory;
    private String source;
    private boolean applied;
    private String labelType;
    private String labelPriority;
    private Instant createdAt;
    private Instant labeledAt;

    protected Example() {
    }

    @Override
    public UUID getId() {
        return ticketId;
    }

    Example(UUID ticketId, UUID gameId, String text, Classification suggested, Instant now) {
        this.ticketId = ticketId;
        this.gameId = gameId;
        this.text = text.length() > TEXT_MAX ? text.substring(0, TEXT_MAX) : text;
        this.suggestedType = suggested.type().code();
        this.typeConfidence = suggested.typeConfidence();
        this.suggestedPriority = suggested.priority().code();
        this.priorityConfidence = suggested.priorityConfidence();
        this.area = suggested.area().code();
        this.hostile = suggested.hostile();
        this.mood = suggested.mood().level().code();
        this.moodCategory = suggested.mood().category() == null ? null : suggested.mood().category().code();
        this.source = suggested.source();
        this.createdAt = now;
    }

    void applied() {
        this.applied = true;
    }

    void label(TicketType type, TicketPriority priority, Instant now) {
        this.labelType = type.code();
        this.labelPriority = priority.code();
        this.labeledAt = now;
    }

    public Classification suggestion() {
        return new Classification(Coded.fromCode(TicketType.class, suggestedType), typeConfidence,
                Coded.fromCode(TicketPriority.class, suggestedPriority), priorityConfidence,
                Coded.fromCode(GameArea.class, area), mood(), source);
    }

    /** Rows from before moods were read know only whether the player was hostile. */
    private Mood mood() {
        if (mood == null) {
            return hostile ? new Mood(Mood.Level.HOSTILE, null, 1) : Mood.CALM;
        }
        Mood.Level level = Coded.fromCode(Mood.Level.class, mood);
        return new Mood(level, moodCategory == null ? null : Coded.fromCode(Mood.Category.class, moodCategory),
                1);
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID gameId() {
        return gameId;
    }

    public String text() {
        return text;
    }

    public boolean isApplied() {
        return applied;
    }

    public TicketType labelType() {
        return labelType == null ? null : Coded.fromCode(TicketType.class, labelType);
    }

    public TicketPriority labelPriority() {
        return labelPriority == null ? null : Coded.fromCode(TicketPriority.class, labelPriority);
    }
}

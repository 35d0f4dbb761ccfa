package org.playerdesk.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;

/**
 * The quality desk as other modules use it (the demo workspace): drawing a day's conversations for
 * review, scoring one on the game's scorecard, an agent disputing a score. The desk's pages do the
 * same through the same rules (docs/quality.md); and each agent's QA scores of a period (the monthly review).
 */
public interface QualityReviews {

    /** A conversation drawn for review: whose, which ticket, why. */
    record Drawn(UUID agentId, UUID ticketId, SampleReason reason) {
    }

    /**
     * One agent's conversations scored in a period: how many, and the mean of their scores out of
     * 100 (each rounded, as the desk shows it).
     */
    record AgentScores(UUID agentId, int reviews, double meanPercent) {
    }

    /** Per agent, the conversations scored (first scored) in {@code [from, to)}, of every game. */
    List<AgentScores> scoresByAgent(Instant from, Instant to);

    /** Draws the game's conversations of a day, once (a day drawn already keeps its draw). */
    List<Drawn> draw(UUID gameId, LocalDate day, StaffMember by);

    /** Whether any conversation of the game has been scored. */
    boolean anyScored(UUID gameId);

    /** The reviewer scores the agent's part in the ticket with these marks (the scorecard's codes); the review's id. */
    UUID score(UUID ticketId, UUID agentId, StaffMember reviewer, List<String> marks, String comment);

    /** The agent disputes the review, saying why. */
    void dispute(UUID reviewId, StaffMember agent, String reason);
}

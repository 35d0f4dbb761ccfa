package org.playerdesk.quality;

import java.time.Instant;
import java.util.UUID;

/** What the quality module tells the others. */
public final class QualityEvents {

    private QualityEvents() {
    }

    /**
     * A conversation of the agent's was scored (or scored again, by its reviewer before the agent
     * answered or by a lead resolving a dispute: a later {@code revision} of the same review
     * replaces the earlier): its score out of a hundred; {@code at} is when it was first scored.
     */
    public record ReviewScored(UUID reviewId, UUID gameId, UUID agentId, int revision, int percent, boolean fatal,
            Instant at) {
    }
}

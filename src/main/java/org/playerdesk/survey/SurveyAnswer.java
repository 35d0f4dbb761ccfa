package org.playerdesk.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A player's answer to the survey of a ticket: the score (1 to 5), the comment (or null), the
 * reasons ticked, the channel it came through, when, and the agent whose resolution it rates
 * ({@code resolvedBy}, null when nobody on the staff resolved it).
 */
public record SurveyAnswer(UUID ticketId, int score, String comment, List<ReasonCode> reasons, SurveyChannel via,
        UUID resolvedBy, Instant answeredAt) {

    public SurveyAnswer {
        reasons = List.copyOf(reasons);
    }

    /** Satisfied, as CSAT counts it: 4 or 5. */
    public boolean satisfied() {
        return score >= 4;
    }
}

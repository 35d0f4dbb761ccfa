package org.playerdesk.survey;

import java.time.Instant;
import java.util.UUID;

/** What surveys publish for others to count, each once, in the transaction of the change. */
public final class SurveyEvents {

    private SurveyEvents() {
    }

    /**
     * A player answered the survey of a ticket; {@code resolvedBy} is the agent it counts toward
     * (null when nobody on the staff resolved the ticket), {@code low} whether it opened a follow-up.
     */
    public record SurveyAnswered(UUID surveyId, UUID ticketId, UUID gameId, UUID resolvedBy, int score,
            SurveyChannel via, boolean low, Instant at) {
    }
}

package org.playerdesk.review;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One agent's monthly review. Figures: tickets handled and resolved, first-contact resolution and
 * service-level compliance (shares 0 to 1), median first response (seconds), from insight; the
 * mean QA score (out of 100) and how many conversations were scored, from quality; CSAT (percent of
 * answers satisfied) and answers, from surveys; null where nothing was measured. Marks: the lead's,
 * 1 to 5, null until given. {@code result}: the month's result out of 100 ({@link ReviewResult}).
 */
public record Review(UUID id, UUID agentId, YearMonth month, ReviewState state, long handled, long resolved,
        Double firstContactResolution, Double slaCompliance, Long firstResponse, Double qaScore, int qaReviews,
        Double csat, int csatAnswers, Integer attitude, Integer ability, Integer quality, Integer satisfaction,
        Integer teamwork, Integer result, String leadComment, String agentComment, UUID reviewedBy, Instant sharedAt,
        Instant acknowledgedAt) {

    /** The bonus marks added up (quality, satisfaction, teamwork: at most 15), 0 while not given. */
    public int bonusPoints() {
        return (quality == null ? 0 : quality) + (satisfaction == null ? 0 : satisfaction)
                + (teamwork == null ? 0 : teamwork);
    }

    /** Whether it counts for pay: shared with the agent, acknowledged or not. */
    public boolean counts() {
        return state != ReviewState.DRAFT;
    }
}

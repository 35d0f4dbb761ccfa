package org.playerdesk.survey;

import java.util.UUID;

/**
 * The surveys of one agent or one game over a period: how many were asked, answered and answered
 * satisfied (4 or 5), the sum of the scores, and the answers dissatisfied (1 or 2). CSAT is the
 * share of answers that were satisfied, the industry's usual figure; {@code key} is the agent's
 * id or the game's id (null: nobody on the staff resolved the tickets).
 */
public record SurveyTotals(UUID key, long asked, long answered, long satisfied, long scoreSum, long dissatisfied) {

    /** Satisfied answers in percent of all answers, or null when nobody answered. */
    public Double csat() {
        return answered == 0 ? null : 100.0 * satisfied / answered;
    }

    /** The average score, or null when nobody answered. */
    public Double averageScore() {
        return answered == 0 ? null : (double) scoreSum / answered;
    }

    /** Answers in percent of surveys asked, or null when none was asked. */
    public Double responseRate() {
        return asked == 0 ? null : 100.0 * answered / asked;
    }
}

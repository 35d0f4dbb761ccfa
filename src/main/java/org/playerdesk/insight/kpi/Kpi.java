package org.playerdesk.insight.kpi;

import org.playerdesk.insight.figures.Figures.Measured;
import org.playerdesk.insight.figures.Figures.Spread;
import org.playerdesk.insight.figures.Metric;

/**
 * An agent's (or a team's) key figures for a period. Handled: tickets they replied to; replied:
 * their public replies; resolved: tickets resolved while theirs; first-contact resolution: of
 * those, resolved with one agent reply and never reopened; reopen rate: of those, reopened before;
 * service-level compliance: targets met of those met or breached, on the tickets they hold; CSAT:
 * the mean satisfaction score (1 to 5); chat wait: the mean wait of the live chats they answered;
 * flagged: the share of their replies the reply checks found something in; QA score: the mean score
 * of their reviewed conversations, out of 100.
 * Times are medians in seconds; shares between 0 and 1; null where there is nothing to measure.
 */
public record Kpi(long handled, long replied, long resolved, Double firstContactResolution, Long firstResponse,
        Long resolution, Double reopenRate, Double slaCompliance, Double csat, long csatAnswers, long chatsAnswered,
        Double chatWait, long transfers, long escalations, Double flaggedShare, Double qaScore, long qaReviews) {

    static Kpi of(Measured figures) {
        var totals = figures.totals();
        return new Kpi(totals.total(Metric.HANDLED), totals.total(Metric.AGENT_REPLIES),
                totals.total(Metric.RESOLVED), totals.share(Metric.FIRST_CONTACT_RESOLVED, Metric.RESOLVED),
                Spread.of(figures.firstResponse()).median(), Spread.of(figures.resolution()).median(),
                totals.share(Metric.REOPENED, Metric.RESOLVED),
                totals.slaCompliance(), totals.mean(Metric.CSAT),
                totals.total(Metric.CSAT), totals.total(Metric.CHATS_ANSWERED), totals.mean(Metric.CHATS_ANSWERED),
                totals.total(Metric.TRANSFERS), totals.total(Metric.ESCALATED),
                totals.share(Metric.FLAGGED_REPLIES, Metric.AGENT_REPLIES), totals.mean(Metric.QA_SCORE),
                totals.total(Metric.QA_SCORE));
    }
}

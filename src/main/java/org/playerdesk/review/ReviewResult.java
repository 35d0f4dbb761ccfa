package org.playerdesk.review;

/**
 * The month's result out of 100: 60% the figures, 40% the lead's marks. The figures' part is the
 * weighted mean of those measured: QA score (weight 4), CSAT (3), service-level compliance (2) and
 * first-contact resolution (1), each out of 100; the marks' part is attitude, ability and quality
 * added up, out of 15. A month with no figures measured is the marks' part alone.
 */
public final class ReviewResult {

    private ReviewResult() {
    }

    public static Integer of(Double qaScore, Double csat, Double slaCompliance, Double firstContactResolution,
            Integer attitude, Integer ability, Integer quality) {
        if (attitude == null || ability == null || quality == null) {
            return null;
        }
        double marks = (attitude + ability + quality) * 100.0 / 15;
        double weighted = 0;
        int weights = 0;
        if (qaScore != null) {
            weighted += 4 * qaScore;
            weights += 4;
        }
        if (csat != null) {
            weighted += 3 * csat;
            weights += 3;
        }
        if (slaCompliance != null) {
            weighted += 2 * 100 * slaCompliance;
            weights += 2;
        }
        if (firstContactResolution != null) {
            weighted += 100 * firstContactResolution;
            weights += 1;
        }
        double result = weights == 0 ? marks : 0.6 * (weighted / weights) + 0.4 * marks;
        return (int) Math.round(result);
    }
}

package org.playerdesk.wellbeing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.wellbeing.*}: when a break is suggested and when a stress signal shows.
 *
 * @param hostileInARow hostile contacts in a row after which the console suggests a break (3)
 * @param breakMinutes how long a break is, in minutes (10); live chat offers no new chat meanwhile
 * @param riseFactor how many times the agent's weekly average of the four weeks before the last
 *        seven days a figure of those seven days must exceed to show as a sudden rise (1.5)
 * @param riseMinimum how many findings, reopened tickets, rejected actions or escalations the
 *        last seven days need at least before a rise shows, so that one event is no signal (3)
 */
@ConfigurationProperties("playerdesk.wellbeing")
record WellbeingSettings(Integer hostileInARow, Integer breakMinutes, Double riseFactor, Integer riseMinimum) {

    WellbeingSettings {
        hostileInARow = hostileInARow == null ? 3 : hostileInARow;
        breakMinutes = breakMinutes == null ? 10 : breakMinutes;
        riseFactor = riseFactor == null ? 1.5 : riseFactor;
        riseMinimum = riseMinimum == null ? 3 : riseMinimum;
        if (hostileInARow < 1 || breakMinutes < 1 || breakMinutes > 120 || riseFactor <= 1 || riseMinimum < 1) {
            throw new IllegalArgumentException("playerdesk.wellbeing: hostile-in-a-row >= 1, break-minutes 1 to 120, "
                    + "rise-factor > 1, rise-minimum >= 1");
        }
    }
}

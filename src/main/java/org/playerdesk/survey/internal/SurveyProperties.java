package org.playerdesk.survey.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.surveys.*}: what the surveys need beyond each game's settings.
 *
 * @param publicUrl where players open the help center, for the links in survey emails (default
 *        {@code http://localhost:8080}, like {@code PLAYERDESK_PUBLIC_URL})
 * @param mailFrom the sender of survey emails (default {@code playerdesk@localhost})
 * @param sweepInterval how often due surveys are asked (default one minute)
 * @param batchSize how many due surveys one sweep asks at most (the next sweep goes on)
 */
@ConfigurationProperties("playerdesk.surveys")
record SurveyProperties(String publicUrl, String mailFrom, Duration sweepInterval, Integer batchSize) {

    SurveyProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "playerdesk@localhost" : mailFrom.strip();
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
    }
}

package org.playerdesk.insight.digest;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The developer digests' settings ({@code playerdesk.insight.digests.*}): the address digests
 * link back to and send from, how often the sweep looks for a due digest, when in the game's day a
 * digest is sent, how long a node holds a digest it sends, how long a webhook may take, how many
 * times a send is tried at once and how long a failed digest waits before it is tried again, and
 * how many reports a digest reads at most.
 */
@ConfigurationProperties("playerdesk.insight.digests")
record DigestProperties(String publicUrl, String mailFrom, Duration sweepInterval, LocalTime sendAt, Duration lease,
        Duration connectTimeout, Duration readTimeout, int attempts, Duration attemptPause, Duration retryAfter,
        int reportsMax) {

    DigestProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "playerdesk@localhost" : mailFrom;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        sendAt = sendAt == null ? LocalTime.of(8, 0) : sendAt;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        attempts = attempts <= 0 ? 3 : attempts;
        attemptPause = attemptPause == null ? Duration.ofSeconds(2) : attemptPause;
        retryAfter = retryAfter == null ? Duration.ofMinutes(15) : retryAfter;
        reportsMax = reportsMax <= 0 ? 5000 : reportsMax;
    }
}

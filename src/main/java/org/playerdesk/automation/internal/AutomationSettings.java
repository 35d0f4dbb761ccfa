package org.playerdesk.automation.internal;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.automation.*}.
 *
 * @param maxDepth how many automation steps deep a chain of rules may go: an event a person caused
 *        is depth 0, an event a rule's action caused is one deeper than the event that ran the
 *        rule; at this depth rules no longer act (default 3), so rules that undo each other stop
 * @param sweepInterval how often the time rules look for tickets to close or remind (default 1 minute)
 * @param batchSize tickets read per query of a sweep (default 200)
 * @param zone the time zone of the "hour of day" condition (default Asia/Shanghai)
 * @param keep how long rule runs are kept for the console (default 90 days)
 */
@ConfigurationProperties("playerdesk.automation")
public record AutomationSettings(Integer maxDepth, Duration sweepInterval, Integer batchSize, ZoneId zone,
        Duration keep) {

    public AutomationSettings {
        maxDepth = maxDepth == null ? 3 : maxDepth;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        keep = keep == null ? Duration.ofDays(90) : keep;
    }
}

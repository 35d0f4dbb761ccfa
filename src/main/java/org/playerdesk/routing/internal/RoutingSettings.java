package org.playerdesk.routing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.routing.*}: an agent's ticket capacity and time zone until a lead sets them,
 * and how often unassigned tickets are offered again (to agents who came online or on shift).
 */
@ConfigurationProperties("playerdesk.routing")
public record RoutingSettings(@DefaultValue("10") int defaultCapacity,
        @DefaultValue("Asia/Shanghai") String defaultTimeZone, @DefaultValue("30s") Duration sweepInterval) {
}

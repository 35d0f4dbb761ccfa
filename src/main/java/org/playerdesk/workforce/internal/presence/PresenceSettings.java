package org.playerdesk.workforce.internal.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.workforce.presence.*}: how long an agent's consoles may stay silent (every
 * open tab sends a sign of life every 30 s) before their availability ends, and how often that is
 * looked for.
 */
@ConfigurationProperties("playerdesk.workforce.presence")
public record PresenceSettings(@DefaultValue("2m") Duration grace, @DefaultValue("30s") Duration sweepInterval) {
}

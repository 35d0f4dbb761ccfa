package org.playerdesk.workforce.internal.roster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.workforce.*}: the handover window (seed 004: the incoming agent arrives 15
 * minutes early) and the time zone proposed for a new assignment and used for days a lead adds
 * without a pattern.
 */
@ConfigurationProperties("playerdesk.workforce")
public record RosterSettings(@DefaultValue("15m") Duration handoverWindow,
        @DefaultValue("Asia/Shanghai") String defaultTimeZone) {
}

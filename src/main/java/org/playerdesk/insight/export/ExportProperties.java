package org.playerdesk.insight.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exports of raw tickets ({@code playerdesk.insight.export.*}): how often a node looks for
 * waiting exports, how long a node holds one before another may take it over, how often the
 * progress is written, and how long a finished export's file is kept.
 */
@ConfigurationProperties("playerdesk.insight.export")
record ExportProperties(@DefaultValue("10s") Duration pollInterval, @DefaultValue("2m") Duration lease,
        @DefaultValue("1000") int progressEvery, @DefaultValue("7d") Duration keep,
        @DefaultValue("1h") Duration sweepInterval) {

    ExportProperties {
        progressEvery = Math.max(1, progressEvery);
    }
}

package org.playerdesk.incident.internal;

import java.time.Duration;

import org.playerdesk.incident.GroupingSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.incidents.*}: the grouping's defaults for a game whose leads set nothing
 * (each game can set its own in the console), and the size of a broadcast's batches, and
 * how many reports are weighed at once on one node.
 */
@ConfigurationProperties("playerdesk.incidents")
public record IncidentProperties(@DefaultValue("true") boolean grouping, @DefaultValue("10m") Duration window,
        @DefaultValue("20") int threshold, @DefaultValue("100") int batch,
        @DefaultValue("4") int workers) {

    public GroupingSettings defaults() {
        return new GroupingSettings(grouping, (int) Math.max(1, window.toMinutes()), threshold);
    }
}

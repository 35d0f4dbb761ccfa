package org.playerdesk.privacy.internal;

import java.time.Duration;
import java.util.Map;

import org.playerdesk.privacy.Treatment;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.privacy.*}: the deadline of a data request when its game has none of its own
 * (15 days, PIPL), how the background writer of exports polls and how long its lease is, how
 * long a written archive is kept for download, how each
 * data kind is erased (its treatment, and for how many days it is kept first for legal reasons),
 * and the retention sweep's interval and batch size.
 */
@ConfigurationProperties("playerdesk.privacy")
public record PrivacyProperties(
        @DefaultValue("15") int deadlineDays,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("14d") Duration keepExports,
        Map<String, Erasure> erasure,
        @DefaultValue Retention retention) {

    public PrivacyProperties {
        erasure = erasure == null ? Map.of() : Map.copyOf(erasure);
    }

    /** One data kind's erasure: delete, anonymise or keep, after keeping it {@code keepDays} (0: at once). */
    public record Erasure(@DefaultValue("anonymise") Treatment treatment, @DefaultValue("0") int keepDays) {
    }

    /** The retention sweep: how often it runs, how many rows a batch (one transaction) does. */
    public record Retention(@DefaultValue("1h") Duration interval, @DefaultValue("200") int batchSize,
            @DefaultValue("10m") Duration lease) {
    }
}

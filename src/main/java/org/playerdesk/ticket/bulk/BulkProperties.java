package org.playerdesk.ticket.bulk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.bulk.*}: how many tickets a node claims at once ({@code batch-size}), how long a
 * claim holds before another node may take the batch over ({@code lease}, longer than a batch
 * takes), the most tickets one job may change ({@code max-tickets}) and how long finished jobs are
 * kept ({@code keep}). The background worker also looks for unclaimed work every
 * {@code poll-interval}.
 */
@ConfigurationProperties("playerdesk.bulk")
public record BulkProperties(@DefaultValue("50") int batchSize, @DefaultValue("2m") Duration lease,
        @DefaultValue("10000") int maxTickets, @DefaultValue("30d") Duration keep,
        @DefaultValue("10s") Duration pollInterval) {

    public BulkProperties {
        batchSize = Math.clamp(batchSize, 1, 1000);
        maxTickets = Math.max(1, maxTickets);
    }
}

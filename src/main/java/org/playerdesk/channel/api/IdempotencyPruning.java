package org.playerdesk.channel.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.playerdesk.system.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than {@code playerdesk.retention.idempotency-keys}: a request
 * sent again with the same key after that opens a new ticket. A plain delete by age, so several
 * nodes may run it at the same time.
 */
@Component
class IdempotencyPruning {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruning.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyPruning(JdbcTemplate jdbc, Clock clock,
            @Value("${playerdesk.retention.idempotency-keys:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${playerdesk.retention.interval:1m}",
            fixedDelayString = "${playerdesk.retention.interval:1m}")
    void run() {
        DatabaseUnavailable.tolerate(log, "Idempotency keys not pruned yet", this::prune);
    }

    /** Deletes the keys stored longer ago than the retention; returns how many. */
    int prune() {
        return jdbc.update("delete from api_idempotency where created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}

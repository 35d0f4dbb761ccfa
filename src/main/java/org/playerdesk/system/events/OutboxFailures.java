package org.playerdesk.system.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.playerdesk.system.database.DatabaseUnavailable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events a listener of the outbox failed on, each kept for that listener alone
 * ({@code event_outbox_failure}) and handed to it again every {@code playerdesk.events.retry-interval}
 * once due: the first retry after one interval, each next one after twice as long as the one
 * before, at most an hour apart, for as long as the listener fails (the log says each time). An
 * operator sees them in the table, with the listener's name and the last error.
 */
@Component
class OutboxFailures {

    private static final Logger log = LoggerFactory.getLogger(OutboxFailures.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int PER_TURN = 100;

    private final EventOutbox outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration interval;

    OutboxFailures(EventOutbox outbox, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${playerdesk.events.retry-interval:1m}") Duration interval) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.interval = interval;
    }

    /** Keeps the event for the listener that failed on it; false when even that failed (the database is away). */
    boolean record(EventOutbox.Listener listener, EventOutbox.Row row, RuntimeException failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            // an outage: one line, not a stack trace per event
            log.warn("Outbox listener {} failed on {} (handed to it again in {}): {}", listener.name(),
                    simpleName(row.type()), interval, DatabaseUnavailable.rootMessage(failure));
        } else {
            log.warn("Outbox listener {} failed on {} (handed to it again in {})", listener.name(),
                    simpleName(row.type()), interval, failure);
        }
        try {
            jdbc.update("insert into event_outbox_failure (listener, event_type, payload, published_at, attempts, "
                    + "next_attempt_at, last_error) values (?, ?, ?, ?, 1, ?, ?)", listener.name(), row.type(),
                    row.payload(), row.publishedAt(), Timestamp.from(clock.instant().plus(interval)),
                    shortened(failure));
            return true;
        } catch (RuntimeException e) {
            log.warn("The failure of {} could not be recorded: {}", listener.name(), DatabaseUnavailable.rootMessage(e));
            return false;
        }
    }

    private record Failed(long id, String listener, String type, String payload, int attempts) {
    }

    /** Hands the failures that are due to their listeners again. */
    @Scheduled(initialDelayString = "${playerdesk.events.retry-interval:1m}",
            fixedDelayString = "${playerdesk.events.retry-interval:1m}")
    void retry() {
        DatabaseUnavailable.tolerate(log, "Failed outbox events not retried yet", this::retryDue);
    }

    /** One turn: answers how many failures were handed over. */
    int retryDue() {
        Instant now = clock.instant();
        List<Failed> due = transaction.execute(status -> {
            List<Failed> found = jdbc.query("select id, listener, event_type, payload, attempts from event_outbox_failure "
                    + "where next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) order by next_attempt_at "
                    + "fetch first " + PER_TURN + " rows only for update skip locked",
                    (rs, n) -> new Failed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                    Timestamp.from(now), Timestamp.from(now));
            for (Failed failed : found) {
                jdbc.update("update event_outbox_failure set claimed_until = ? where id = ?",
                        Timestamp.from(now.plus(interval)), failed.id());
            }
            return found;
        });
        for (Failed failed : due) {
            retry(failed, now);
        }
        return due.size();
    }

    private void retry(Failed failed, Instant now) {
        Optional<EventOutbox.Listener> listener = outbox.listener(failed.listener());
        Optional<Object> event = outbox.read(failed.type(), failed.payload());
        if (listener.isEmpty() || event.isEmpty()) {
            log.warn("Outbox failure {} kept: its listener {} or its event {} no longer exists", failed.id(),
                    failed.listener(), simpleName(failed.type()));
            jdbc.update("update event_outbox_failure set next_attempt_at = ?, claimed_until = null where id = ?",
                    Timestamp.from(now.plus(LONGEST_WAIT)), failed.id());
            return;
        }
        try {
            outbox.call(listener.get(), event.get());
            jdbc.update("delete from event_outbox_failure where id = ?", failed.id());
            log.info("Outbox listener {} took {} on attempt {}", failed.listener(), simpleName(failed.type()),
                    failed.attempts() + 1);
        } catch (RuntimeException e) {
            Duration wait = interval.multipliedBy(1L << Math.min(failed.attempts(), 12));
            wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
            log.warn("Outbox listener {} failed again on {} (attempt {}, next in {}): {}", failed.listener(),
                    simpleName(failed.type()), failed.attempts() + 1, wait, DatabaseUnavailable.rootMessage(e));
            jdbc.update("update event_outbox_failure set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                    + "claimed_until = null where id = ?", Timestamp.from(now.plus(wait)), shortened(e), failed.id());
        }
    }

    /** Failures not handed over successfully yet (every node's). */
    long waiting() {
        Long count = jdbc.queryForObject("select count(*) from event_outbox_failure", Long.class);
        return count == null ? 0 : count;
    }

    private static String shortened(Throwable failure) {
        String message = DatabaseUnavailable.rootMessage(failure);
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}

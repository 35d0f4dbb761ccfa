package org.playerdesk.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
 * Adds the counted events to the daily totals ({@code ticket_daily_count}) every
 * {@code playerdesk.retention.interval}, so that reading today's figures counts only the events
 * of the last interval; then forgets counted events older than
 * {@code playerdesk.retention.counted-events} (their keys only guard against an event delivered
 * twice, which happens within minutes). A total row is updated once per interval, not once per
 * event. Safe on several nodes at once: a group's events are marked rolled up and added in one
 * transaction, and a node that comes second finds nothing left to mark.
 */
@Component
class DailyRollUp {

    private static final Logger log = LoggerFactory.getLogger(DailyRollUp.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retention;

    DailyRollUp(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${playerdesk.retention.counted-events:35d}") Duration retention) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = retention;
    }

    private record Group(UUID gameId, LocalDate day, String metric) {
    }

    @Scheduled(initialDelayString = "${playerdesk.retention.interval:1m}",
            fixedDelayString = "${playerdesk.retention.interval:1m}")
    void run() {
        DatabaseUnavailable.tolerate(log, "Daily counts not rolled up yet", () -> {
            rollUp();
            prune();
        });
    }

    /** Adds every event not rolled up yet to its day's total; returns how many events were added. */
    int rollUp() {
        List<Group> groups = jdbc.query("select distinct game_id, count_day, metric from ticket_daily_counted "
                + "where rolled_up = false",
                (row, i) -> new Group(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class), row.getString(3)));
        int total = 0;
        for (Group group : groups) {
            total += transaction.execute(status -> rollUp(group));
        }
        return total;
    }

    private int rollUp(Group group) {
        int events = jdbc.update("update ticket_daily_counted set rolled_up = true "
                + "where game_id = ? and count_day = ? and metric = ? and rolled_up = false",
                group.gameId(), group.day(), group.metric());
        if (events > 0 && add(group, events) == 0) {
            int inserted = jdbc.update("insert into ticket_daily_count (game_id, count_day, metric, total) "
                    + "values (?, ?, ?, ?) on conflict do nothing", group.gameId(), group.day(), group.metric(), events);
            if (inserted == 0) {
                add(group, events);
            }
        }
        return events;
    }

    private int add(Group group, int events) {
        return jdbc.update("update ticket_daily_count set total = total + ? where game_id = ? and count_day = ? and metric = ?",
                events, group.gameId(), group.day(), group.metric());
    }

    /** Deletes rolled-up events counted longer ago than the retention; returns how many. */
    int prune() {
        return jdbc.update("delete from ticket_daily_counted where rolled_up = true and counted_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}

package org.playerdesk.insight;

import org.playerdesk.system.events.OutboxListener;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily ticket volume per game (UTC days), counted from ticket events. Each event arrives
 * through the publication registry, so a count is retried, not lost, when the database
 * hiccups. Each counted event is a row of {@code ticket_daily_counted}, rolled up into the daily
 * totals of {@code ticket_daily_count} by {@link DailyRollUp} within minutes.
 */
@Service
public class DailyVolume {

    public enum Metric {
        CREATED, PLAYER_REPLIES, AGENT_REPLIES, RESOLVED
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    DailyVolume(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    @OutboxListener
    void on(TicketCreated created) {
        count("created:" + created.ticketId(), created.gameId(), day(created.at()), Metric.CREATED);
        if (created.messageId() != null) {
            // the opening message is the player's first message; it has no event of its own
            count("message:" + created.messageId(), created.gameId(), day(created.at()), Metric.PLAYER_REPLIES);
        }
    }

    @OutboxListener
    void on(TicketMessagePosted posted) {
        if (posted.visibility() == Visibility.PUBLIC) {
            count("message:" + posted.messageId(), posted.gameId(), day(posted.at()),
                    posted.by() == Actor.Kind.PLAYER ? Metric.PLAYER_REPLIES : Metric.AGENT_REPLIES);
        }
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged changed) {
        if (changed.to() == TicketStatus.RESOLVED) {
            // a ticket can be resolved again after a reopening: each resolution is its own event
            count("resolved:" + changed.ticketId() + ":" + changed.at(), changed.gameId(), day(changed.at()),
                    Metric.RESOLVED);
        }
    }

    /** Today's counts over the given games (null: all games). */
    @Transactional(readOnly = true)
    public Map<Metric, Long> today(Collection<UUID> games) {
        Map<Metric, Long> counts = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            counts.put(metric, 0L);
        }
        if (games != null && games.isEmpty()) {
            return counts;
        }
        String ofGames = games == null ? "" : " and game_id in (:games)";
        // what the roll-ups have added to the day's total, and the events counted since
        String sql = "select metric, sum(total) from ("
                + "select metric, count(*) as total from ticket_daily_counted where rolled_up = false and count_day = :day"
                + ofGames + " group by metric"
                + " union all select metric, total from ticket_daily_count where count_day = :day" + ofGames
                + ") counted group by metric";
        MapSqlParameterSource parameters = new MapSqlParameterSource("day", LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .addValue("games", games);
        named.query(sql, parameters, row -> {
            counts.put(Metric.valueOf(row.getString(1)), row.getLong(2));
        });
        return counts;
    }

    /** One game's count of one metric on one day. */
    public record DayCount(UUID gameId, LocalDate day, Metric metric, long total) {
    }

    /**
     * The counts of these games (not empty) on the days from {@code from} to {@code to}, both
     * included (UTC days), with the events counted but not rolled up yet; days and metrics without
     * an event are left out.
     */
    @Transactional(readOnly = true)
    public java.util.List<DayCount> days(Collection<UUID> games, LocalDate from, LocalDate to) {
        if (games.isEmpty()) {
            return java.util.List.of();
        }
        String sql = "select game_id, count_day, metric, sum(total) from ("
                + "select game_id, count_day, metric, count(*) as total from ticket_daily_counted"
                + " where rolled_up = false and count_day between :from and :to and game_id in (:games)"
                + " group by game_id, count_day, metric"
                + " union all select game_id, count_day, metric, total from ticket_daily_count"
                + " where count_day between :from and :to and game_id in (:games)"
                + ") counted group by game_id, count_day, metric order by count_day, game_id, metric";
        MapSqlParameterSource parameters = new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("games", games);
        return named.query(sql, parameters, (row, i) -> new DayCount(row.getObject(1, UUID.class),
                row.getObject(2, LocalDate.class), Metric.valueOf(row.getString(3)), row.getLong(4)));
    }

    /**
     * The counts of each day from {@code from} to {@code to} (both included, UTC days) over the
     * given games (null: all games): the roll-ups' totals and the events counted since. A day
     * without any count is absent from the answer.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<Metric, Long>> daily(Collection<UUID> games, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Metric, Long>> days = new java.util.TreeMap<>();
        if (games != null && games.isEmpty()) {
            return days;
        }
        String ofGames = games == null ? "" : " and game_id in (:games)";
        String sql = "select count_day, metric, sum(total) from ("
                + "select count_day, metric, count(*) as total from ticket_daily_counted where rolled_up = false"
                + " and count_day between :from and :to" + ofGames + " group by count_day, metric"
                + " union all select count_day, metric, total from ticket_daily_count"
                + " where count_day between :from and :to" + ofGames
                + ") counted group by count_day, metric";
        MapSqlParameterSource parameters = new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("games", games);
        named.query(sql, parameters, row -> {
            days.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new EnumMap<>(Metric.class))
                    .put(Metric.valueOf(row.getString(2)), row.getLong(3));
        });
        return days;
    }

    /**
     * Counts an event once: one row per event, its key the primary key, so an event delivered
     * again finds its row and counts nothing. No shared counter row is updated here: concurrent
     * intake would queue on its lock (every ticket counts into the same game, day and metric).
     * {@link DailyRollUp} adds them to the day's total in {@code ticket_daily_count} later.
     */
    private void count(String event, UUID gameId, LocalDate day, Metric metric) {
        jdbc.update("insert into ticket_daily_counted (event_key, counted_at, game_id, count_day, metric, rolled_up) "
                + "values (?, ?, ?, ?, ?, false) on conflict do nothing",
                event, Timestamp.from(clock.instant()), gameId, day, metric.name());
    }

    private static LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

package org.playerdesk.insight;

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
 * hiccups.
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

    @ApplicationModuleListener
    void on(TicketCreated created) {
        count("created:" + created.ticketId(), created.gameId(), day(created.at()), Metric.CREATED);
    }

    @ApplicationModuleListener
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
        String sql = "select metric, sum(total) from ticket_daily_count where count_day = :day"
                + (games == null ? "" : " and game_id in (:games)") + " group by metric";
        if (games != null && games.isEmpty()) {
            return counts;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("day", LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .addValue("games", games);
        named.query(sql, parameters, row -> {
            counts.put(Metric.valueOf(row.getString(1)), row.getLong(2));
        });
        return counts;
    }

    /**
     * Adds one to a counter, once per event: the event's key is stored in the same transaction,
     * and an event delivered again finds it and counts nothing. Update first, insert when the
     * row is new. Listeners run in parallel, so two may both find a new day's row missing; the
     * insert that loses waits for the winner and does nothing, and the update after it counts.
     * A failed insert would instead fail the listener and leave the count missing until retried.
     */
    private void count(String event, UUID gameId, LocalDate day, Metric metric) {
        int first = jdbc.update("insert into ticket_daily_counted (event_key, counted_at) values (?, ?) "
                + "on conflict do nothing", event, Timestamp.from(clock.instant()));
        if (first == 0) {
            return;
        }
        if (increment(gameId, day, metric) == 0) {
            int inserted = jdbc.update("insert into ticket_daily_count (game_id, count_day, metric, total) "
                    + "values (?, ?, ?, 1) on conflict do nothing", gameId, day, metric.name());
            if (inserted == 0) {
                increment(gameId, day, metric);
            }
        }
    }

    private int increment(UUID gameId, LocalDate day, Metric metric) {
        return jdbc.update("update ticket_daily_count set total = total + 1 where game_id = ? and count_day = ? and metric = ?",
                gameId, day, metric.name());
    }

    private static LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

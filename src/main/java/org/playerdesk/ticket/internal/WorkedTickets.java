package org.playerdesk.ticket.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which tickets an agent worked on over a period, from the messages and the history (indexed by
 * author and actor, so that one agent's day is a short read), and a period's tickets in brief.
 */
@Component
public class WorkedTickets {

    /** What an agent did on one ticket, before the ticket itself is read. */
    public record Worked(int replies, boolean assigned, boolean resolved, boolean escalated) {

        Worked plus(Worked other) {
            return new Worked(replies + other.replies, assigned || other.assigned, resolved || other.resolved,
                    escalated || other.escalated);
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    WorkedTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** By ticket, at most {@code limit} tickets, the most recently worked on first. */
    public Map<UUID, Worked> of(UUID agentId, Instant from, Instant to, int limit) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        Map<UUID, Worked> worked = new LinkedHashMap<>();
        jdbc.query("""
                select ticket_id, count(*), max(created_at) last from ticket_message
                where author_id = ? and author_kind = 'agent' and visibility = 'public'
                  and created_at >= ? and created_at < ?
                group by ticket_id order by last desc""", row -> {
            add(worked, row.getObject(1, UUID.class), new Worked(row.getInt(2), false, false, false));
        }, agentId, start, end);
        jdbc.query("""
                select ticket_id from ticket_history
                where action = 'assignee' and new_value = ? and created_at >= ? and created_at < ?""", row -> {
            add(worked, row.getObject(1, UUID.class), new Worked(0, true, false, false));
        }, agentId.toString(), start, end);
        jdbc.query("""
                select ticket_id, action, old_value, new_value from ticket_history
                where actor_id = ? and action in ('status', 'level') and created_at >= ? and created_at < ?""", row -> {
            UUID ticket = row.getObject(1, UUID.class);
            if ("status".equals(row.getString(2))) {
                if ("resolved".equals(row.getString(4))) {
                    add(worked, ticket, new Worked(0, false, true, false));
                }
            } else if (upward(row.getString(3), row.getString(4))) {
                add(worked, ticket, new Worked(0, false, false, true));
            }
        }, agentId, start, end);
        return worked.entrySet().stream().limit(Math.max(limit, 0))
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
    }

    /** Tickets opened and resolved in {@code [from, to)}, and escalations then, in these games (null: all). */
    public TicketTally tally(Collection<UUID> games, Instant from, Instant to) {
        if (games != null && games.isEmpty()) {
            return new TicketTally(0, 0, 0);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)).addValue("games", games);
        String ofGames = games == null ? "" : " and t.game_id in (:games)";
        long opened = named.queryForObject("select count(*) from ticket t where t.created_at >= :from"
                + " and t.created_at < :to" + ofGames, parameters, Long.class);
        long resolved = named.queryForObject("select count(*) from ticket t where t.resolved_at >= :from"
                + " and t.resolved_at < :to" + ofGames, parameters, Long.class);
        long escalated = named.queryForObject("select count(*) from ticket_history h join ticket t on t.id = h.ticket_id"
                + " where h.action = 'level' and h.new_value <> 'first_line' and h.created_at >= :from"
                + " and h.created_at < :to" + ofGames, parameters, Long.class);
        return new TicketTally(opened, resolved, escalated);
    }

    private static void add(Map<UUID, Worked> worked, UUID ticket, Worked more) {
        worked.merge(ticket, more, Worked::plus);
    }

    private static boolean upward(String from, String to) {
        try {
            return Coded.fromCode(SupportLevel.class, to).ordinal() > Coded.fromCode(SupportLevel.class, from).ordinal();
        } catch (RuntimeException unknown) {
            return false;
        }
    }
}

package org.playerdesk.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketRange;
import org.playerdesk.ticket.TicketRow;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tickets read with plain SQL: a ticket's head, opening message and metadata (read for every event
 * by the listeners; the service-level position is written the same way), and the tickets of a
 * {@link TicketRange} page by page, by keyset on (created_at, id): each page is one short query
 * that starts after the last row of the page before, so no cursor stays open and a million
 * tickets are read in the same memory as a thousand. Plain SQL rather than entities: an
 * export reads tens of thousands of rows a second, and loading each ticket with its collections
 * would cost more than writing it.
 */
@Component
public class TicketRows {

    /** Keys of the ticket's metadata that name the player's language, first found wins (as routing reads them). */
    private static final List<String> LANGUAGE_KEYS = List.of("language", "lang", "locale");

    private final NamedParameterJdbcTemplate jdbc;

    TicketRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * One ticket's head as the database holds it, in one query (its tags joined): a fraction of
     * the cost of loading the entity with its tags, for the listeners that read a ticket for every
     * event. Empty when there is no such ticket.
     */
    public Optional<TicketView> head(UUID ticketId) {
        return jdbc.getJdbcTemplate().query("select t.id, t.game_id, t.number, t.player_id, t.subject, t.type, "
                + "t.channel, t.priority, t.status, t.assignee_id, t.created_at, t.updated_at, t.first_response_at, "
                + "t.resolved_at, t.sla_due_at, t.sla_state, t.support_level, g.tag from ticket t "
                + "left join ticket_tag g on g.ticket_id = t.id where t.id = ?", row -> {
                    if (!row.next()) {
                        return Optional.<TicketView>empty();
                    }
                    UUID id = row.getObject(1, UUID.class);
                    UUID gameId = row.getObject(2, UUID.class);
                    long number = row.getLong(3);
                    UUID playerId = row.getObject(4, UUID.class);
                    String subject = row.getString(5);
                    TicketType type = Coded.fromCode(TicketType.class, row.getString(6));
                    TicketChannel channel = Coded.fromCode(TicketChannel.class, row.getString(7));
                    TicketPriority priority = Coded.fromCode(TicketPriority.class, row.getString(8));
                    TicketStatus status = Coded.fromCode(TicketStatus.class, row.getString(9));
                    UUID assigneeId = row.getObject(10, UUID.class);
                    Instant createdAt = instant(row, 11);
                    Instant updatedAt = instant(row, 12);
                    Instant firstResponseAt = instant(row, 13);
                    Instant resolvedAt = instant(row, 14);
                    Instant slaDueAt = instant(row, 15);
                    String sla = row.getString(16);
                    SupportLevel level = Coded.fromCode(SupportLevel.class, row.getString(17));
                    Set<String> tags = new TreeSet<>(); // in the entity's order
                    do {
                        if (row.getString(18) != null) {
                            tags.add(row.getString(18));
                        }
                    } while (row.next());
                    return Optional.of(new TicketView(id, gameId, number, playerId, subject, type, channel, priority,
                            status, assigneeId, List.copyOf(tags), createdAt, updatedAt, firstResponseAt, resolvedAt,
                            slaDueAt, sla == null ? null : Coded.fromCode(SlaState.class, sla), level));
                }, ticketId);
    }

    /**
     * The ticket's first public message without its attachments, in one query; empty when it has
     * none.
     */
    public Optional<MessageView> openingMessage(UUID ticketId) {
        return jdbc.getJdbcTemplate().query("select id, author_kind, author_id, author_name, body, created_at "
                + "from ticket_message where ticket_id = ? and visibility = ? order by created_at, id "
                + "fetch first 1 rows only", (row, i) -> new MessageView(row.getObject(1, UUID.class), Visibility.PUBLIC,
                        Coded.fromCode(Actor.Kind.class, row.getString(2)), row.getObject(3, UUID.class),
                        row.getString(4), row.getString(5), instant(row, 6), List.of()),
                ticketId, Visibility.PUBLIC.code()).stream().findFirst();
    }

    /** The ticket's metadata; empty when there is no such ticket. */
    public Optional<Map<String, String>> metadata(UUID ticketId) {
        return jdbc.getJdbcTemplate().query("select m.entry_key, m.entry_value from ticket t "
                + "left join ticket_metadata m on m.ticket_id = t.id where t.id = ?", row -> {
                    if (!row.next()) {
                        return Optional.<Map<String, String>>empty();
                    }
                    Map<String, String> entries = new HashMap<>();
                    do {
                        if (row.getString(1) != null) {
                            entries.put(row.getString(1), row.getString(2));
                        }
                    } while (row.next());
                    return Optional.of(Map.copyOf(entries));
                }, ticketId);
    }

    /** Writes where the ticket's service-level clock stands; false when there is no such ticket. */
    public boolean trackSla(UUID ticketId, Instant dueAt, SlaState state) {
        return jdbc.getJdbcTemplate().update("update ticket set sla_due_at = ?, sla_state = ? where id = ?",
                dueAt == null ? null : Timestamp.from(dueAt), state == null ? null : state.code(), ticketId) > 0;
    }

    public long count(TicketRange range) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from ticket t where " + where(range, parameters), parameters,
                Long.class);
        return count == null ? 0 : count;
    }

    /** Up to {@code limit} rows after the given position (null: from the first), oldest first. */
    public List<TicketRow> after(TicketRange range, Instant afterAt, UUID afterId, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(range, parameters);
        if (afterAt != null) {
            // the first condition alone bounds the index scan: the disjunction would leave it to start
            // at the window's beginning on every page, reading all the pages before again
            where += " and t.created_at >= :afterAt"
                    + " and (t.created_at > :afterAt or (t.created_at = :afterAt and t.id > :afterId))";
            parameters.addValue("afterAt", Timestamp.from(afterAt)).addValue("afterId", afterId);
        }
                List<Head> heads = jdbc.query("select t.id, t.game_id, t.number, t.created_at, t.status, t.type, t.channel, "
                + "t.priority, t.player_id, t.contact_email, t.assignee_id, t.first_response_at, t.resolved_at, t.subject "
                + "from ticket t where " + where + " order by t.created_at, t.id fetch first " + Math.max(limit, 1) + " rows only",
                parameters, TicketRows::head);
        if (heads.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = heads.stream().map(Head::id).toList();
        Map<UUID, List<String>> tags = new HashMap<>();
        jdbc.query("select ticket_id, tag from ticket_tag where ticket_id in (:ids) order by ticket_id, tag",
                new MapSqlParameterSource("ids", ids),
                row -> {
                    tags.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>()).add(row.getString(2));
                });
        Map<UUID, Map<String, String>> languages = new HashMap<>();
        jdbc.query("select ticket_id, entry_key, entry_value from ticket_metadata where ticket_id in (:ids) "
                + "and entry_key in (:keys)", new MapSqlParameterSource("ids", ids).addValue("keys", LANGUAGE_KEYS),
                row -> {
                    languages.computeIfAbsent(row.getObject(1, UUID.class), id -> new HashMap<>())
                            .put(row.getString(2), row.getString(3));
                });
        List<TicketRow> rows = new ArrayList<>(heads.size());
        for (Head head : heads) {
            rows.add(head.row(language(languages.get(head.id())), tags.getOrDefault(head.id(), List.of())));
        }
        return rows;
    }

    private static String language(Map<String, String> metadata) {
        if (metadata == null) {
            return null;
        }
        return LANGUAGE_KEYS.stream().map(metadata::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static String where(TicketRange range, MapSqlParameterSource parameters) {
        List<String> windows = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        int i = 0;
        for (TicketRange.Window window : range.windows()) {
            windows.add("(t.game_id = :game" + i + " and t.created_at >= :from" + i + " and t.created_at < :before" + i
                    + ")");
            values.put("game" + i, window.gameId());
            values.put("from" + i, Timestamp.from(window.from()));
            values.put("before" + i, Timestamp.from(window.before()));
            i++;
        }
        parameters.addValues(values);
        StringBuilder where = new StringBuilder("(").append(String.join(" or ", windows)).append(")");
        if (!range.statuses().isEmpty()) {
            where.append(" and t.status in (:statuses)");
            parameters.addValue("statuses", range.statuses().stream().map(TicketStatus::code).toList());
        }
        if (range.type() != null) {
            where.append(" and t.type = :type");
            parameters.addValue("type", range.type().code());
        }
        if (range.channel() != null) {
            where.append(" and t.channel = :channel");
            parameters.addValue("channel", range.channel().code());
        }
        return where.toString();
    }

    private record Head(UUID id, UUID gameId, long number, Instant createdAt, TicketStatus status, TicketType type,
            TicketChannel channel, TicketPriority priority, UUID playerId, String contactEmail, UUID assigneeId,
            Instant firstResponseAt, Instant resolvedAt, String subject) {

        TicketRow row(String language, List<String> tags) {
            return new TicketRow(id, gameId, number, createdAt, status, type, channel, priority, language, playerId,
                    contactEmail, assigneeId, firstResponseAt, resolvedAt, List.copyOf(tags), subject);
        }
    }

    private static Head head(ResultSet row, int i) throws SQLException {
        return new Head(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getLong(3), instant(row, 4),
                Coded.fromCode(TicketStatus.class, row.getString(5)), Coded.fromCode(TicketType.class, row.getString(6)),
                Coded.fromCode(TicketChannel.class, row.getString(7)),
                Coded.fromCode(TicketPriority.class, row.getString(8)), row.getObject(9, UUID.class), row.getString(10),
                row.getObject(11, UUID.class), instant(row, 12), instant(row, 13), row.getString(14));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}

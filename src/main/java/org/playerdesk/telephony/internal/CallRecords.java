package org.playerdesk.telephony.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.system.entity.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The calls, as rows of {@code telephony_call}. */
@Component
class CallRecords {

    private static final String COLUMNS = "id, game_id, cti_call_id, direction, caller_number, called_number, "
            + "player_id, agent_id, state, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, "
            + "recording_url, hangup_side, started_at, duration_seconds, outcome, notes, ticket_id, logged_by, logged_at";

    /** Which calls the list shows. */
    record Filter(Collection<UUID> games, CallDirection direction, CallOutcome outcome, UUID agentId,
            Instant from, Instant to) {
    }

    private final JdbcTemplate jdbc;

    CallRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Call> get(UUID id) {
        return jdbc.query("select " + COLUMNS + " from telephony_call where id = ?", CallRecords::call, id).stream()
                .findFirst();
    }

    /** The call the telephony system knows by its id, locked for the change that follows. */
    Optional<Call> lockedByCtiId(UUID gameId, String ctiCallId) {
        return jdbc.query("select " + COLUMNS + " from telephony_call where game_id = ? and cti_call_id = ? for update",
                CallRecords::call, gameId, ctiCallId).stream().findFirst();
    }

    Optional<Call> locked(UUID id) {
        return jdbc.query("select " + COLUMNS + " from telephony_call where id = ? for update", CallRecords::call, id)
                .stream().findFirst();
    }

    /** A call the telephony system reports for the first time; false when another report wrote it first. */
    boolean offer(UUID gameId, String ctiCallId, String caller, String called, UUID playerId, UUID agentId,
            Instant at) {
        return jdbc.update("insert into telephony_call (id, game_id, cti_call_id, direction, caller_number, "
                + "called_number, player_id, agent_id, state, offered_at, started_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", Ids.next(), gameId, ctiCallId,
                CallDirection.INBOUND.code(), caller, called, playerId, agentId, CallState.OFFERED.code(),
                Timestamp.from(at), Timestamp.from(at)) > 0;
    }

    void answer(UUID id, UUID agentId, Instant at, int waitSeconds) {
        jdbc.update("update telephony_call set state = ?, agent_id = coalesce(?, agent_id), answered_at = ?, "
                + "wait_seconds = ? where id = ?", CallState.ANSWERED.code(), agentId, Timestamp.from(at), waitSeconds,
                id);
    }

    void end(UUID id, UUID agentId, Instant at, int waitSeconds, int talkSeconds, String recordingUrl,
            String hangupSide) {
        jdbc.update("update telephony_call set state = ?, agent_id = coalesce(?, agent_id), ended_at = ?, "
                + "wait_seconds = ?, talk_seconds = ?, duration_seconds = coalesce(duration_seconds, ?), "
                + "recording_url = ?, hangup_side = ? where id = ?", CallState.ENDED.code(), agentId,
                Timestamp.from(at), waitSeconds, talkSeconds, talkSeconds, recordingUrl, hangupSide, id);
    }

    /** A call logged by hand, with no report of the telephony system behind it. */
    void insertLogged(UUID id, UUID gameId, CallDirection direction, String phone, UUID playerId, UUID agentId,
            Instant startedAt, int durationSeconds, CallOutcome outcome, String notes, UUID ticketId, Instant at) {
        jdbc.update("insert into telephony_call (id, game_id, direction, caller_number, player_id, agent_id, state, "
                + "started_at, duration_seconds, outcome, notes, ticket_id, logged_by, logged_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, gameId, direction.code(), phone, playerId, agentId,
                CallState.ENDED.code(), Timestamp.from(startedAt), durationSeconds, outcome.code(), notes, ticketId,
                agentId, Timestamp.from(at));
    }

    /** A reported call, logged by an agent. */
    void logReported(UUID id, CallDirection direction, String phone, UUID playerId, UUID agentId,
            Instant startedAt, Integer durationSeconds, CallOutcome outcome, String notes, UUID ticketId, Instant at) {
        jdbc.update("update telephony_call set direction = ?, caller_number = coalesce(?, caller_number), "
                + "player_id = ?, agent_id = coalesce(agent_id, ?), started_at = ?, duration_seconds = ?, outcome = ?, "
                + "notes = ?, ticket_id = ?, logged_by = ?, logged_at = ? where id = ?", direction.code(), phone,
                playerId, agentId, Timestamp.from(startedAt), durationSeconds, outcome.code(), notes, ticketId,
                agentId, Timestamp.from(at), id);
    }

    /**
     * The calls to show on the agent's card: ringing for them or answered by them, and those ended
     * since {@code endedSince} and not logged yet.
     */
    List<Call> onCardOf(UUID agentId, Instant endedSince) {
        return jdbc.query("select " + COLUMNS + " from telephony_call where agent_id = ? and logged_at is null "
                + "and cti_call_id is not null and (state in (?, ?) or (state = ? and ended_at >= ?)) "
                + "order by started_at desc", CallRecords::call, agentId, CallState.OFFERED.code(),
                CallState.ANSWERED.code(), CallState.ENDED.code(), Timestamp.from(endedSince));
    }

    /** The calls of the filter, the latest first. */
    List<Call> recent(Filter filter, int limit) {
        if (filter.games().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from telephony_call where game_id in (");
        List<Object> args = new ArrayList<>();
        for (UUID game : filter.games()) {
            sql.append(args.isEmpty() ? "?" : ", ?");
            args.add(game);
        }
        sql.append(")");
        if (filter.direction() != null) {
            sql.append(" and direction = ?");
            args.add(filter.direction().code());
        }
        if (filter.outcome() != null) {
            sql.append(" and outcome = ?");
            args.add(filter.outcome().code());
        }
        if (filter.agentId() != null) {
            sql.append(" and agent_id = ?");
            args.add(filter.agentId());
        }
        if (filter.from() != null) {
            sql.append(" and started_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and started_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by started_at desc, id limit ").append(limit);
        return jdbc.query(sql.toString(), CallRecords::call, args.toArray());
    }

    private static Call call(ResultSet row, int n) throws SQLException {
        String outcome = row.getString("outcome");
        return new Call(row.getObject("id", UUID.class), row.getObject("game_id", UUID.class),
                row.getString("cti_call_id"), code(CallDirection.class, row.getString("direction")),
                row.getString("caller_number"), row.getString("called_number"), row.getObject("player_id", UUID.class),
                row.getObject("agent_id", UUID.class), CallState.of(row.getString("state")),
                instant(row, "offered_at"), instant(row, "answered_at"), instant(row, "ended_at"),
                (Integer) row.getObject("wait_seconds", Integer.class),
                (Integer) row.getObject("talk_seconds", Integer.class), row.getString("recording_url"),
                row.getString("hangup_side"), instant(row, "started_at"),
                (Integer) row.getObject("duration_seconds", Integer.class),
                outcome == null ? null : code(CallOutcome.class, outcome), row.getString("notes"),
                row.getObject("ticket_id", UUID.class), row.getObject("logged_by", UUID.class),
                instant(row, "logged_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static <E extends Enum<E> & org.playerdesk.system.entity.Coded> E code(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException(code);
    }
}

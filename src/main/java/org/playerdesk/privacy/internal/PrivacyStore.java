package org.playerdesk.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.privacy.PrivacyRequestView;
import org.playerdesk.privacy.RequestKind;
import org.playerdesk.privacy.RequestState;
import org.playerdesk.system.entity.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of data requests, per-game deadlines, retention periods and the sweep's lease. */
@Repository
public class PrivacyStore {

    private static final String COLUMNS = "id, game_id, account_id, kind, source, state, requested_by, received_at, "
            + "due_at, done_by, done_at, counts, file_size, error_key, request_hash, file_key";

    private final JdbcClient jdbc;

    PrivacyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request row with what is not shown (its request hash and file key). */
    public record Row(PrivacyRequestView view, String requestHash, String fileKey) {
    }

    public void insert(UUID id, UUID gameId, String accountId, RequestKind kind, String source, String requestedBy,
            Instant receivedAt, Instant dueAt, String idemKey, String requestHash) {
        jdbc.sql("insert into privacy_request (id, game_id, account_id, kind, source, state, requested_by, received_at, "
                + "due_at, idem_key, request_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, gameId, accountId, kind.code(), source, RequestState.RECEIVED.code(), requestedBy,
                        ts(receivedAt), ts(dueAt), idemKey, requestHash)
                .update();
    }

    public Optional<Row> byIdempotencyKey(UUID gameId, String idemKey, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where game_id = ? and idem_key = ?")
                .params(gameId, idemKey).query((rs, n) -> row(rs, now)).optional();
    }

    public Optional<Row> get(UUID id, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where id = ?").param(id)
                .query((rs, n) -> row(rs, now)).optional();
    }

    /** The newest requests of the games, newest first. */
    public List<PrivacyRequestView> recent(Collection<UUID> games, Instant now, int limit) {
        if (games.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from privacy_request where game_id in (:games) "
                + "order by received_at desc, id fetch first " + limit + " rows only").param("games", games)
                .query((rs, n) -> row(rs, now).view()).list();
    }

    /** Takes the oldest export waiting (or left by a node whose lease ran out) for this node. */
    public Optional<Row> claimExport(String node, Instant now, Instant until) {
        List<UUID> waiting = jdbc.sql("select id from privacy_request where kind = 'export' and (state = 'received' "
                + "or (state = 'working' and claimed_until < ?)) order by received_at fetch first 10 rows only")
                .param(ts(now)).query((rs, n) -> UUID.fromString(rs.getString(1))).list();
        for (UUID id : waiting) {
            int taken = jdbc.sql("update privacy_request set state = 'working', claimed_by = ?, claimed_until = ? "
                    + "where id = ? and (state = 'received' or (state = 'working' and claimed_until < ?))")
                    .params(node, ts(until), id, ts(now)).update();
            if (taken == 1) {
                return get(id, now);
            }
        }
        return Optional.empty();
    }

    public boolean finishExport(UUID id, String node, Map<String, Integer> counts, String fileKey, long size,
            Instant now) {
        return jdbc.sql("update privacy_request set state = 'done', done_by = 'PlayerDesk', done_at = ?, counts = ?, "
                + "file_key = ?, file_size = ?, claimed_by = null, claimed_until = null, error_key = null "
                + "where id = ? and claimed_by = ? and state = 'working'")
                .params(ts(now), counts(counts), fileKey, size, id, node).update() == 1;
    }

    public boolean failExport(UUID id, String node, String errorKey, Instant now) {
        return jdbc.sql("update privacy_request set state = 'failed', done_at = ?, error_key = ?, claimed_by = null, "
                + "claimed_until = null where id = ? and claimed_by = ? and state = 'working'")
                .params(ts(now), errorKey, id, node).update() == 1;
    }

    /** Exports whose archive was written before {@code before} and is still kept: id and file key. */
    public List<Map.Entry<UUID, String>> archivesBefore(Instant before, int limit) {
        return jdbc.sql("select id, file_key from privacy_request where kind = 'export' and state = 'done' "
                + "and file_key is not null and done_at < ? order by done_at fetch first " + limit + " rows only")
                .param(ts(before)).query((rs, n) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2))).list();
    }

    /** The export's archive is gone (its size too); the request and its counts stay. */
    public void forgetArchive(UUID id) {
        jdbc.sql("update privacy_request set file_key = null, file_size = null where id = ?").param(id).update();
    }

    /** Marks an erasure received as done, once: whether this call did. */
    public boolean finishErasure(UUID id, String by, Map<String, Integer> counts, Instant now) {
        return jdbc.sql("update privacy_request set state = 'done', done_by = ?, done_at = ?, counts = ? "
                + "where id = ? and kind = 'erase' and state = 'received'")
                .params(by, ts(now), counts(counts), id).update() == 1;
    }

    public Optional<Integer> deadlineDays(UUID gameId) {
        return jdbc.sql("select deadline_days from privacy_setting where game_id = ?").param(gameId)
                .query(Integer.class).optional();
    }

    public void setDeadlineDays(UUID gameId, int days, String by, Instant now) {
        if (jdbc.sql("update privacy_setting set deadline_days = ?, updated_by = ?, updated_at = ? where game_id = ?")
                .params(days, by, ts(now), gameId).update() == 0) {
            jdbc.sql("insert into privacy_setting (game_id, deadline_days, updated_by, updated_at) values (?, ?, ?, ?)")
                    .params(gameId, days, by, ts(now)).update();
        }
    }

    /** The retention periods in days per data kind, of one game. */
    public Map<String, Integer> retention(UUID gameId) {
        Map<String, Integer> periods = new LinkedHashMap<>();
        jdbc.sql("select data_kind, keep_days from privacy_retention where game_id = ? order by data_kind")
                .param(gameId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> periods.put(e.getKey(), e.getValue()));
        return periods;
    }

    /** Every game's retention periods: game, kind, days. */
    public List<Period> periods() {
        return jdbc.sql("select game_id, data_kind, keep_days from privacy_retention order by game_id, data_kind")
                .query((rs, n) -> new Period(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3))).list();
    }

    public record Period(UUID gameId, String kind, int days) {
    }

    /** Sets ({@code days} > 0) or removes ({@code null}) a game's retention period of one kind. */
    public void setRetention(UUID gameId, String kind, Integer days, String by, Instant now) {
        jdbc.sql("delete from privacy_retention where game_id = ? and data_kind = ?").params(gameId, kind).update();
        if (days != null) {
            jdbc.sql("insert into privacy_retention (game_id, data_kind, keep_days, updated_by, updated_at) "
                    + "values (?, ?, ?, ?, ?)").params(gameId, kind, days, by, ts(now)).update();
        }
    }

    /** Takes the retention sweep's lease for this node unless another node holds it: whether taken. */
    public boolean lease(String node, Instant now, Duration length) {
        return jdbc.sql("update privacy_lease set claimed_by = ?, claimed_until = ? where name = 'retention' "
                + "and (claimed_until is null or claimed_until < ? or claimed_by = ?)")
                .params(node, ts(now.plus(length)), ts(now), node).update() == 1;
    }

    public void release(String node) {
        jdbc.sql("update privacy_lease set claimed_by = null, claimed_until = null where name = 'retention' "
                + "and claimed_by = ?").param(node).update();
    }

    private static Row row(ResultSet rs, Instant now) throws SQLException {
        RequestState state = Coded.fromCode(RequestState.class, rs.getString("state"));
        Instant due = instant(rs, "due_at");
        boolean open = state == RequestState.RECEIVED || state == RequestState.WORKING || state == RequestState.FAILED;
        long size = rs.getLong("file_size");
        Long fileSize = rs.wasNull() ? null : size;
        return new Row(new PrivacyRequestView(UUID.fromString(rs.getString("id")),
                UUID.fromString(rs.getString("game_id")), rs.getString("account_id"),
                Coded.fromCode(RequestKind.class, rs.getString("kind")), rs.getString("source"), state,
                rs.getString("requested_by"), instant(rs, "received_at"), due, open && now.isAfter(due),
                rs.getString("done_by"), instant(rs, "done_at"), counts(rs.getString("counts")), fileSize,
                rs.getString("error_key")), rs.getString("request_hash"), rs.getString("file_key"));
    }

    static String counts(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, n) -> text.append(text.isEmpty() ? "" : ";").append(kind).append('=').append(n));
        return text.toString();
    }

    static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String entry : text.split(";")) {
                int eq = entry.indexOf('=');
                counts.put(entry.substring(0, eq), Integer.valueOf(entry.substring(eq + 1)));
            }
        }
        return counts;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package org.playerdesk.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's entries under a game's retention period: how many are older than a moment, and
 * their removal in batches (each in its own transaction), oldest first. Entries of no game are
 * never removed here.
 */
@Service
public class AuditRetention {

    private static final String WHERE = "from audit_record where game_id = ? and recorded_at < ?";

    private final JdbcClient jdbc;

    AuditRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many of the game's entries were recorded before {@code before}. */
    @Transactional(readOnly = true)
    public long olderThan(UUID gameId, Instant before) {
        return jdbc.sql("select count(*) " + WHERE).params(gameId, Timestamp.from(before)).query(Long.class).single();
    }

    /** Removes at most {@code limit} of them, oldest first; answers how many this call removed. */
    @Transactional
    public int purge(UUID gameId, Instant before, int limit) {
        List<UUID> ids = jdbc.sql("select id " + WHERE + " order by recorded_at, id fetch first " + limit + " rows only")
                .params(gameId, Timestamp.from(before)).query((rs, n) -> UUID.fromString(rs.getString(1))).list();
        int removed = 0;
        for (UUID id : ids) {
            removed += jdbc.sql("delete from audit_record where id = ?").param(id).update();
        }
        return removed;
    }
}

package org.playerdesk.access.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log read through a filter, newest first, a page at a time from a position (keyset paging
 * on {@code recorded_at, id}): each filter has an index ending in that order, so a page reads only
 * its own rows however long the log grows.
 */
@Component
public class AuditSearch {

    private static final String COLUMNS = "id, recorded_at, actor_id, actor_name, game_id, action, subject_kind, "
            + "subject_id, detail, client_address";

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditLog.Entry> find(AuditLog.Filter filter, AuditLog.Position after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.gameScope() != null) {
            if (filter.gameScope().isEmpty()) {
                return List.of();
            }
            where.add("game_id in (:scope)");
            params.put("scope", filter.gameScope());
        }
        if (filter.actorId() != null) {
            where.add("actor_id = :actor");
            params.put("actor", filter.actorId());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.subjects() != null) {
            if (filter.subjects().isEmpty()) {
                return List.of();
            }
            List<String> any = new ArrayList<>();
            for (int i = 0; i < filter.subjects().size(); i++) {
                any.add("(subject_kind = :kind" + i + " and subject_id = :subject" + i + ")");
                params.put("kind" + i, filter.subjects().get(i).kind());
                params.put("subject" + i, filter.subjects().get(i).id());
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        if (filter.from() != null) {
            where.add("recorded_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            where.add("recorded_at < :until");
            params.put("until", Timestamp.from(filter.until()));
        }
        if (after != null) {
            where.add("(recorded_at < :at or (recorded_at = :at and id < :id))");
            params.put("at", Timestamp.from(after.at()));
            params.put("id", after.id());
        }
        String sql = "select " + COLUMNS + " from audit_record" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by recorded_at desc, id desc fetch first " + Math.max(1, limit) + " rows only";
        return jdbc.sql(sql).params(params).query((rs, n) -> new AuditLog.Entry(rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))).list();
    }
}

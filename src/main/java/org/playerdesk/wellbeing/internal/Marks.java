package org.playerdesk.wellbeing.internal;

import static org.playerdesk.wellbeing.internal.Contacts.time;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the stress signals count from events ({@code wellbeing_mark}): each mark once by its key,
 * however often its event arrives.
 */
@Component
class Marks {

    static final String RESOLVED = "resolved";
    static final String REOPENED = "reopened";
    static final String ESCALATED = "escalated";

    private final JdbcTemplate jdbc;

    Marks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void mark(String kind, UUID ticketId, UUID staffId, Instant at) {
        jdbc.update("insert into wellbeing_mark (mark_key, staff_id, kind, ticket_id, marked_at) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", kind + ":" + ticketId + ":" + at.toEpochMilli(),
                staffId, kind, ticketId, time(at));
    }

    long count(UUID staffId, String kind, Instant from, Instant to) {
        Long found = jdbc.queryForObject("select count(*) from wellbeing_mark "
                + "where staff_id = ? and kind = ? and marked_at >= ? and marked_at < ?", Long.class, staffId, kind,
                time(from), time(to));
        return found == null ? 0 : found;
    }
}

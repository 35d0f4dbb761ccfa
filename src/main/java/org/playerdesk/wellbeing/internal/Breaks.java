package org.playerdesk.wellbeing.internal;

import static org.playerdesk.wellbeing.internal.Contacts.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.system.entity.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The breaks agents took ({@code wellbeing_break}). */
@Component
class Breaks {

    private static final String COLUMNS = "select id, staff_id, started_at, ends_at, suggested, ended_early "
            + "from wellbeing_break ";
    private static final RowMapper<Break> ROW = (row, n) -> new Break(row.getObject(1, UUID.class),
            row.getObject(2, UUID.class), row.getObject(3, OffsetDateTime.class).toInstant(),
            row.getObject(4, OffsetDateTime.class).toInstant(), row.getBoolean(5), row.getBoolean(6));

    private final JdbcTemplate jdbc;

    Breaks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Break start(UUID staffId, Instant from, Instant until, boolean suggested) {
        Break taken = new Break(Ids.next(), staffId, from, until, suggested, false);
        jdbc.update("insert into wellbeing_break (id, staff_id, started_at, ends_at, suggested, ended_early) "
                + "values (?, ?, ?, ?, ?, false)", taken.id(), staffId, time(from), time(until), suggested);
        return taken;
    }

    /** The break running at {@code now}, if any. */
    Optional<Break> running(UUID staffId, Instant now) {
        return jdbc.query(COLUMNS + "where staff_id = ? and started_at <= ? and ends_at > ? "
                + "order by ends_at desc", ROW, staffId, time(now), time(now)).stream().findFirst();
    }

    /** Ends the break running at {@code now} there and then; false when none runs. */
    boolean endEarly(UUID staffId, Instant now) {
        return jdbc.update("update wellbeing_break set ends_at = ?, ended_early = true "
                + "where staff_id = ? and started_at <= ? and ends_at > ?", time(now), staffId, time(now),
                time(now)) > 0;
    }

    /** The agent's breaks that started from {@code from} to {@code through}, both included, oldest first. */
    List<Break> between(UUID staffId, Instant from, Instant through) {
        return jdbc.query(COLUMNS + "where staff_id = ? and started_at >= ? and started_at <= ? order by started_at",
                ROW, staffId, time(from), time(through));
    }

    /** The agent's latest break that started before {@code now}, if any. */
    Optional<Break> latest(UUID staffId, Instant now) {
        return jdbc.query(COLUMNS + "where staff_id = ? and started_at <= ? order by started_at desc limit 1", ROW,
                staffId, time(now)).stream().findFirst();
    }
}

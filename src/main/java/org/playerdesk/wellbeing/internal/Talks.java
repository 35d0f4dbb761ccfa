package org.playerdesk.wellbeing.internal;

import static org.playerdesk.wellbeing.internal.Contacts.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one-to-one talks supervisors noted ({@code wellbeing_talk}). */
@Component
class Talks {

    private final JdbcTemplate jdbc;

    Talks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Talk talk) {
        jdbc.update("insert into wellbeing_talk (id, staff_id, held_on, note, noted_by, noted_by_name, noted_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", talk.id(), talk.staffId(), talk.heldOn(), talk.note(), talk.notedBy(),
                talk.notedByName(), time(talk.notedAt()));
    }

    /** The agent's talks, the latest first. */
    List<Talk> of(UUID staffId) {
        return jdbc.query("select id, staff_id, held_on, note, noted_by, noted_by_name, noted_at from wellbeing_talk "
                + "where staff_id = ? order by held_on desc, noted_at desc",
                (row, n) -> new Talk(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, LocalDate.class), row.getString(4), row.getObject(5, UUID.class),
                        row.getString(6), row.getObject(7, OffsetDateTime.class).toInstant()),
                staffId);
    }
}

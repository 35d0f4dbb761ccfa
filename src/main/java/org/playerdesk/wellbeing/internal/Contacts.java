package org.playerdesk.wellbeing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agents' contacts ({@code wellbeing_contact}), one per agent and ticket, each written once
 * however often its event arrives: a contact once hostile stays hostile.
 */
@Component
class Contacts {

    private final JdbcTemplate jdbc;

    Contacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The agent met hostility on this ticket or chat at {@code at}. */
    void hostile(UUID staffId, UUID ticketId, UUID gameId, String channel, String cause, Instant at) {
        jdbc.update("insert into wellbeing_contact (staff_id, ticket_id, game_id, channel, hostile, cause, contact_at) "
                + "values (?, ?, ?, ?, true, ?, ?) on conflict do nothing", staffId, ticketId, gameId, channel, cause,
                time(at));
        jdbc.update("update wellbeing_contact set hostile = true, cause = ?, contact_at = ? "
                + "where staff_id = ? and ticket_id = ? and hostile = false", cause, time(at), staffId, ticketId);
    }

    /** The agent handled this ticket or chat at {@code at}; nothing changes when it is known already. */
    void handled(UUID staffId, UUID ticketId, UUID gameId, String channel, Instant at) {
        jdbc.update("insert into wellbeing_contact (staff_id, ticket_id, game_id, channel, hostile, cause, contact_at) "
                + "values (?, ?, ?, ?, false, null, ?) on conflict do nothing", staffId, ticketId, gameId, channel,
                time(at));
    }

    /** The agent's contacts from {@code from} to {@code through}, both included, oldest first. */
    List<Contact> between(UUID staffId, Instant from, Instant through) {
        return jdbc.query("select ticket_id, channel, hostile, cause, contact_at from wellbeing_contact "
                + "where staff_id = ? and contact_at >= ? and contact_at <= ? order by contact_at, hostile",
                (row, n) -> new Contact(row.getObject(1, UUID.class), row.getString(2), row.getBoolean(3),
                        row.getString(4), row.getObject(5, OffsetDateTime.class).toInstant()),
                staffId, time(from), time(through));
    }

    static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

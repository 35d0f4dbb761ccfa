package org.playerdesk.ticket.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.Conversation;
import org.playerdesk.ticket.TicketType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The conversations agents had in a game over a period: what QA sampling draws from. */
@Component
public class Conversations {

    static final String HOSTILE_TAG = "hostile";

    private final JdbcTemplate jdbc;

    Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each agent's tickets with a public reply of theirs in {@code [from, to)}, by ticket and agent. */
    public List<Conversation> of(UUID gameId, Instant from, Instant to) {
        return jdbc.query("""
                select m.ticket_id, m.author_id, t.type,
                       exists (select 1 from ticket_tag g where g.ticket_id = t.id and g.tag = ?) hostile,
                       count(*) replies,
                       count(distinct f.message_id) flagged
                from ticket_message m
                join ticket t on t.id = m.ticket_id
                left join ticket_message_finding f on f.message_id = m.id
                where t.game_id = ? and m.author_kind = 'agent' and m.visibility = 'public' and m.author_id is not null
                  and m.created_at >= ? and m.created_at < ?
                group by m.ticket_id, m.author_id, t.id, t.type
                order by m.author_id, m.ticket_id""",
                (rs, row) -> new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Coded.fromCode(TicketType.class, rs.getString(3)), rs.getBoolean(4), rs.getInt(5), rs.getInt(6)),
                HOSTILE_TAG, gameId, Timestamp.from(from), Timestamp.from(to));
    }
}

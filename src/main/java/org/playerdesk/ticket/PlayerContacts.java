package org.playerdesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Players by their tickets, for a campaign's segment: when each last contacted support (their
 * newest ticket), who has a ticket with a tag, and whose tickets these are. One query each, so a
 * game of 100,000 players is read at once.
 */
@Service
@Transactional(readOnly = true)
public class PlayerContacts {

    private final JdbcClient jdbc;

    PlayerContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each player of the game who ever opened a ticket, with the time of their newest one. */
    public Map<UUID, Instant> lastTicketAt(UUID gameId) {
        Map<UUID, Instant> last = new HashMap<>();
        jdbc.sql("select player_id, max(created_at) as last_at from ticket where game_id = ? group by player_id")
                .param(gameId).query(rs -> {
                    last.put(rs.getObject("player_id", UUID.class), rs.getTimestamp("last_at").toInstant());
                });
        return last;
    }

    /** The players of the game with a ticket carrying this tag. */
    public Set<UUID> withTicketTag(UUID gameId, String tag) {
        return new HashSet<>(jdbc.sql("select distinct t.player_id from ticket t join ticket_tag g on g.ticket_id = t.id "
                + "where t.game_id = ? and g.tag = ?").params(gameId, tag).query(UUID.class).list());
    }

    /** The players whose tickets these are. */
    public Set<UUID> ofTickets(Collection<UUID> ticketIds) {
        Set<UUID> players = new HashSet<>();
        List<UUID> ids = List.copyOf(ticketIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 500));
            players.addAll(jdbc.sql("select distinct player_id from ticket where id in ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")").params(List.copyOf(part))
                    .query(UUID.class).list());
        }
        return players;
    }
}

package org.playerdesk.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many findings the reply reviews ({@link ReplyReview}) made in each agent's public replies
 * written within a time: what the wellbeing board compares week by week. Counted from the
 * findings kept with the messages, each finding once.
 */
@Service
public class ReplyFindingTally {

    private final NamedParameterJdbcTemplate jdbc;

    ReplyFindingTally(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The findings in the replies of each of these agents written from {@code from} (included) to {@code to}. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> byAuthor(Collection<UUID> authors, Instant from, Instant to) {
        Map<UUID, Long> counts = new HashMap<>();
        if (authors.isEmpty()) {
            return counts;
        }
        // from the findings (few) to their messages by key, never a scan of all messages
        jdbc.query("select m.author_id, count(*) from ticket_message_finding f "
                + "join ticket_message m on m.id = f.message_id "
                + "where m.author_id in (:authors) and m.created_at >= :from and m.created_at < :to "
                + "group by m.author_id",
                new MapSqlParameterSource("authors", authors).addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                        .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)),
                (RowCallbackHandler) row -> counts.put(row.getObject(1, UUID.class), row.getLong(2)));
        return counts;
    }
}

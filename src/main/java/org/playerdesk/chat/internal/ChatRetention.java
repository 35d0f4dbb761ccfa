package org.playerdesk.chat.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.privacy.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live chat's own copy of its conversations under each game's retention period for chat
 * transcripts ({@code chat-transcripts}, beside the transcripts on the tickets, which the ticket
 * module anonymises): a chat over (ended, or turned into a ticket) before the period, with every
 * line on its ticket, is deleted with its lines and the bot's answer, oldest first. A chat another
 * node deleted meanwhile is not counted again.
 */
@Component
class ChatRetention implements RetentionTarget {

    private static final String WHERE = "from chat_session where game_id = ? and status in ('ended', 'ticket') "
            + "and coalesce(ended_at, created_at) < ? and transcript_since is null";

    private final JdbcClient jdbc;

    ChatRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "chat-transcripts";
    }

    @Override
    @Transactional(readOnly = true)
    public long due(UUID gameId, Instant before) {
        return jdbc.sql("select count(*) " + WHERE).params(gameId, Timestamp.from(before)).query(Long.class).single();
    }

    @Override
    @Transactional
    public int purge(UUID gameId, Instant before, int limit) {
        List<UUID> ids = jdbc.sql("select id " + WHERE + " order by coalesce(ended_at, created_at), id fetch first "
                + limit + " rows only").params(gameId, Timestamp.from(before))
                .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
        int deleted = 0;
        for (UUID id : ids) {
            // its lines and the bot's answer go with it (on delete cascade)
            deleted += jdbc.sql("delete from chat_session where id = ?").param(id).update();
        }
        return deleted;
    }
}

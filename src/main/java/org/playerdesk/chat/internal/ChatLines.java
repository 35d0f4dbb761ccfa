package org.playerdesk.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The path of a chat's text message, in plain SQL: it is the one thing a busy chat node does
 * hundreds of times a second, and through the entity it cost a lock query that loads the whole
 * chat, a lookup for a resend, a flush with its dirty check and an update of every column. Here
 * it is one locked read of the few columns that decide, one insert and one update of the
 * sequence, in the caller's transaction.
 */
@Component
public class ChatLines {

    private final JdbcClient jdbc;

    ChatLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What decides whether a line may be added to a chat, read under the chat's lock (held to the
     * end of the transaction): its status, agent, player's nickname and last sequence number, and
     * the sequence number of a line already stored under {@code clientId}, if any.
     */
    public record Head(ChatStatus status, UUID agentId, String nickname, long lastSeq, Long resentSeq) {
    }

    public Optional<Head> lock(UUID sessionId, String clientId) {
        return jdbc.sql("""
                select s.status, s.agent_id, s.nickname, s.last_seq,
                       (select m.seq from chat_message m where m.session_id = s.id and m.client_id = :client) resent
                from chat_session s where s.id = :id for update""")
                .param("client", clientId)
                .param("id", sessionId)
                .query((rs, row) -> new Head(Coded.fromCode(ChatStatus.class, rs.getString(1)),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4), rs.getObject(5, Long.class)))
                .optional();
    }

    public ChatLine line(UUID sessionId, long seq) {
        return jdbc.sql("""
                select session_id, seq, client_id, author_kind, author_name, body, image_id, created_at
                from chat_message where session_id = :id and seq = :seq""")
                .param("id", sessionId)
                .param("seq", seq)
                .query(ChatLines::line)
                .single();
    }

    /** Stores the line as the chat's next one and moves the chat's sequence on; the chat must be locked. */
    public void add(ChatLine line, UUID authorId) {
        jdbc.sql("""
                insert into chat_message (id, session_id, seq, client_id, author_kind, author_id, author_name, body,
                                          image_id, created_at)
                values (:id, :session, :seq, :client, :kind, :author, :name, :body, :image, :at)""")
                .param("id", Ids.next())
                .param("session", line.sessionId())
                .param("seq", line.seq())
                .param("client", line.clientId())
                .param("kind", line.kind())
                .param("author", authorId)
                .param("name", line.author())
                .param("body", line.body())
                .param("image", line.imageId())
                .param("at", OffsetDateTime.ofInstant(line.at(), ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                update chat_session set last_seq = :seq, transcript_since = coalesce(transcript_since, :at)
                where id = :id""")
                .param("seq", line.seq())
                .param("at", OffsetDateTime.ofInstant(line.at(), ZoneOffset.UTC))
                .param("id", line.sessionId())
                .update();
    }

    private static ChatLine line(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp(8);
        return new ChatLine(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), at == null ? null : at.toInstant());
    }
}

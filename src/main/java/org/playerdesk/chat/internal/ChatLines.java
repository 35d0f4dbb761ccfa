package org.playerdesk.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
     * the sequence number of a line already stored under {@code clientId}, if any; and what the
     * reply checks need of an agent's line: the chat's game and ticket, when the player last showed
     * they were typing (since their last line), and whether an agent has said anything yet.
     */
    public record Head(ChatStatus status, UUID agentId, String nickname, long lastSeq, Long resentSeq, UUID gameId,
            UUID ticketId, Instant playerTypingAt, boolean agentSpoke) {
    }

    public Optional<Head> lock(UUID sessionId, String clientId) {
        return head(sessionId, clientId, " for update");
    }

    /** The chat's head as it is now, without locking it (what a draft would meet). */
    public Optional<Head> peek(UUID sessionId) {
        return head(sessionId, "", "");
    }

    private Optional<Head> head(UUID sessionId, String clientId, String lock) {
        return jdbc.sql("""
                select s.status, s.agent_id, s.nickname, s.last_seq,
                       (select m.seq from chat_message m where m.session_id = s.id and m.client_id = :client) resent,
                       s.game_id, s.ticket_id, s.player_typing_at,
                       exists (select 1 from chat_message a where a.session_id = s.id and a.author_kind = 'agent') spoke
                from chat_session s where s.id = :id""" + lock)
                .param("client", clientId)
                .param("id", sessionId)
                .query((rs, row) -> {
                    Timestamp typing = rs.getTimestamp(8);
                    return new Head(Coded.fromCode(ChatStatus.class, rs.getString(1)), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getLong(4), rs.getObject(5, Long.class), rs.getObject(6, UUID.class),
                            rs.getObject(7, UUID.class), typing == null ? null : typing.toInstant(), rs.getBoolean(9));
                })
                .optional();
    }

    /** The player shows they are typing: a line an agent sends before the player's next one interrupts them. */
    public void playerTyping(UUID sessionId, Instant at) {
        jdbc.sql("update chat_session set player_typing_at = :at where id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("id", sessionId)
                .update();
    }

    /** The findings of an agent's line (ticket.ReplyReview's, one per line: code, blocks, evidence). */
    public void addFindings(UUID sessionId, long seq, String findings) {
        jdbc.sql("update chat_message set findings = :findings where session_id = :id and seq = :seq")
                .param("findings", findings)
                .param("id", sessionId)
                .param("seq", seq)
                .update();
    }

    /** The chat's last line by an agent, with its findings, if an agent said anything. */
    public record AgentLine(long seq, UUID authorId, String authorName, String body, Instant at, String findings) {
    }

    public Optional<AgentLine> lastAgentLine(UUID sessionId) {
        return jdbc.sql("""
                select seq, author_id, author_name, body, created_at, findings from chat_message
                where session_id = :id and author_kind = 'agent' and image_id is null
                order by seq desc fetch first 1 rows only""")
                .param("id", sessionId)
                .query((rs, row) -> new AgentLine(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
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

    /**
     * Stores the line as the chat's next one, with what the reply checks found in it (null: nothing),
     * and moves the chat's sequence on; a player's line ends their typing. The chat must be locked.
     */
    public void add(ChatLine line, UUID authorId, String findings) {
        jdbc.sql("""
                insert into chat_message (id, session_id, seq, client_id, author_kind, author_id, author_name, body,
                                          image_id, created_at, findings)
                values (:id, :session, :seq, :client, :kind, :author, :name, :body, :image, :at, :findings)""")
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
                .param("findings", findings)
                .update();
        jdbc.sql("""
                update chat_session set last_seq = :seq, transcript_since = coalesce(transcript_since, :at),
                       player_typing_at = case when :player then null else player_typing_at end
                where id = :id""")
                .param("player", authorId == null)
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

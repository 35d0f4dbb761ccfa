package org.playerdesk.chat.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.chat.ChatStatus;
import org.playerdesk.privacy.DataSubject;
import org.playerdesk.privacy.ErasurePolicy;
import org.playerdesk.privacy.ErasureRule;
import org.playerdesk.privacy.ExportRows;
import org.playerdesk.privacy.ExportSink;
import org.playerdesk.privacy.PersonalDataHolder;
import org.playerdesk.privacy.Treatment;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.StoredAttachment;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A player's live chats as the chat keeps them (its own copy of each conversation, beside the
 * transcript on the chat's ticket): the chats ({@value #CHATS}: account, nickname, server, VIP
 * level, agent, rating and its comment, the bot's answer, times) and their lines
 * ({@value #MESSAGES}, the images with their files), exported and erased for the player's data
 * requests. Both follow the erasure rule of {@value #RULE}, as the transcript on the ticket does,
 * by the time the chat started. Anonymised, a chat keeps its times, status, agent and rating (the
 * figures count them) without the account, nickname, server, VIP level and rating comment, and the
 * player's lines lose their text, name and image ({@code [erased]}); the agents' lines stay.
 * Deleted, a chat over goes with its lines; one still under way is anonymised, so that neither
 * side's window breaks. A chat is erased once.
 */
@Component
class ChatPersonalData implements PersonalDataHolder {

    static final String CHATS = "live-chats";
    static final String MESSAGES = "live-chat-messages";
    static final String RULE = "chat-transcripts";
    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final Clock clock;

    ChatPersonalData(JdbcClient jdbc, TicketQueries tickets, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(CHATS, jdbc.sql("""
                select s.id, s.ticket_id, s.account_id, s.nickname, s.server, s.vip_level, s.guest, s.status,
                    s.agent_name, s.rating, s.rating_comment, s.created_at, s.accepted_at, s.ended_at,
                    b.title as bot_answer, b.link as bot_answer_link, b.outcome as bot_answer_outcome
                from chat_session s left join chat_bot_offer b on b.session_id = s.id
                where s.player_id = :player and s.game_id = :game order by s.created_at, s.id""")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list());
        List<Map<String, Object>> lines = new ArrayList<>();
        jdbc.sql("""
                select m.id, m.session_id as chat_id, s.ticket_id, m.seq, m.author_kind as author, m.author_name, m.body,
                    m.image_id, m.created_at
                from chat_message m join chat_session s on s.id = m.session_id
                where s.player_id = :player and s.game_id = :game order by s.created_at, s.id, m.seq""")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list()
                .forEach(row -> {
                    Object ticket = row.remove("ticketId");
                    Object image = row.get("imageId");
                    if (ticket != null && image != null) {
                        // the image is an attachment of the chat's ticket: the same file, under the same name
                        image(UUID.fromString((String) ticket), UUID.fromString((String) image)).ifPresent(stored -> {
                            String path = stored.attachment().id() + "-" + stored.attachment().fileName();
                            sink.file(path, stored.content());
                            row.put("file", "files/" + path);
                        });
                    }
                    lines.add(row);
                });
        sink.rows(MESSAGES, lines);
    }

    private Optional<StoredAttachment> image(UUID ticketId, UUID imageId) {
        try {
            return Optional.of(tickets.attachment(ticketId, imageId, false));
        } catch (NotFoundException gone) {
            // erased or purged with the ticket's attachments: the line keeps the image's id alone
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(RULE);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(CHATS, 0);
        counts.put(MESSAGES, 0);
        if (rule.treatment() == Treatment.KEEP) {
            return counts;
        }
        List<Erasable> chats = jdbc.sql("select id, status, created_at from chat_session where player_id = :player "
                + "and game_id = :game and erased_at is null and created_at < :before")
                .param("player", subject.playerId()).param("game", subject.gameId())
                .param("before", Timestamp.from(rule.appliesBefore()))
                .query((rs, n) -> new Erasable(UUID.fromString(rs.getString("id")),
                        Coded.fromCode(ChatStatus.class, rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant())).list();
        Instant now = clock.instant();
        for (Erasable chat : chats) {
            if (rule.keeps(chat.createdAt())) {
                continue;
            }
            int lines = rule.treatment() == Treatment.DELETE && !chat.status().open() ? delete(chat.id())
                    : anonymise(chat.id(), now);
            if (lines >= 0) {
                counts.merge(CHATS, 1, Integer::sum);
                counts.merge(MESSAGES, lines, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Anonymises one chat not anonymised yet; answers how many of the player's lines lost their
     * text, or -1 when it was anonymised before (by another request or node).
     */
    int anonymise(UUID chatId, Instant now) {
        int updated = jdbc.sql("update chat_session set account_id = :erased, nickname = null, server = null, "
                + "vip_level = null, rating_comment = null, erased_at = :now where id = :id and erased_at is null")
                .param("erased", ERASED).param("now", Timestamp.from(now)).param("id", chatId).update();
        if (updated == 0) {
            return -1;
        }
        return jdbc.sql("update chat_message set body = :erased, author_name = :erased, image_id = null "
                + "where session_id = :id and author_kind = 'player'").param("erased", ERASED).param("id", chatId)
                .update();
    }

    /** Deletes one chat with its lines; answers how many lines went, or -1 when the chat was gone. */
    int delete(UUID chatId) {
        int lines = jdbc.sql("select count(*) from chat_message where session_id = ?")
                .param(chatId).query(Integer.class).single();
        // its lines and the bot's answer go with it (on delete cascade)
        return jdbc.sql("delete from chat_session where id = ?").param(chatId).update() == 1 ? lines : -1;
    }

    private record Erasable(UUID id, ChatStatus status, Instant createdAt) {
    }
}

package org.playerdesk.ticket.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.privacy.DataSubject;
import org.playerdesk.privacy.ErasurePolicy;
import org.playerdesk.privacy.ErasureRule;
import org.playerdesk.privacy.ExportRows;
import org.playerdesk.privacy.ExportSink;
import org.playerdesk.privacy.PersonalDataHolder;
import org.playerdesk.privacy.Treatment;
import org.playerdesk.ticket.TicketEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A player's tickets, live-chat transcripts (tickets of channel {@code chat}), their messages and
 * attachments, exported and erased for the player's data requests. A ticket is anonymised, never
 * deleted (its history and figures stay): its subject, contact email, private link and metadata
 * go, the player's messages lose their text and the player's name; attachments are deleted with
 * their files. Each anonymised ticket publishes {@code TicketErased}, so that copies of its text
 * elsewhere are rebuilt.
 */
@Component
class TicketPersonalData implements PersonalDataHolder {

    static final String TICKETS = "tickets";
    static final String CHATS = "chat-transcripts";
    static final String MESSAGES = "messages";
    static final String ATTACHMENTS = "attachments";
    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;
    private final AttachmentStore files;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TicketPersonalData(JdbcClient jdbc, AttachmentStore files, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<Map<String, Object>> tickets = new ArrayList<>();
        List<Map<String, Object>> chats = new ArrayList<>();
        jdbc.sql("select id, number, subject, type, channel, status, contact_email, created_at, resolved_at, closed_at "
                + "from ticket where player_id = ? order by created_at, id").param(subject.playerId())
                .query(ExportRows.MAPPER).list().forEach(row -> {
                    row.put("metadata", jdbc.sql("select entry_key, entry_value from ticket_metadata where ticket_id = ? "
                            + "order by entry_key").param(UUID.fromString((String) row.get("id")))
                            .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                            .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
                    ("chat".equals(row.get("channel")) ? chats : tickets).add(row);
                });
        sink.rows(TICKETS, tickets);
        sink.rows(CHATS, chats);
        // public replies and the player's own messages; agents' internal notes are staff's working notes
        sink.rows(MESSAGES, jdbc.sql("select m.id, m.ticket_id, m.author_kind as author, m.author_name, m.body, "
                + "m.created_at from ticket_message m join ticket t on t.id = m.ticket_id where t.player_id = ? "
                + "and m.visibility = 'public' order by m.created_at, m.id").param(subject.playerId())
                .query(ExportRows.MAPPER).list());
        List<Map<String, Object>> attachments = new ArrayList<>();
        jdbc.sql("select a.id, a.ticket_id, a.message_id, a.file_name, a.content_type, a.size_bytes as size, a.sha256, "
                + "a.created_at, a.storage_key from ticket_attachment a join ticket t on t.id = a.ticket_id "
                + "where t.player_id = ? and a.visibility = 'public' order by a.created_at, a.id")
                .param(subject.playerId()).query(ExportRows.MAPPER).list().forEach(row -> {
                    String key = (String) row.remove("storageKey");
                    String path = row.get("id") + "-" + row.get("fileName");
                    files.open(key).ifPresent(content -> {
                        sink.file(path, content);
                        row.put("file", "files/" + path);
                    });
                    attachments.add(row);
                });
        sink.rows(ATTACHMENTS, attachments);
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Instant now = clock.instant();
        List<Erasable> tickets = jdbc.sql("select id, channel, created_at from ticket where player_id = ? "
                + "and erased_at is null").param(subject.playerId())
                .query((rs, n) -> new Erasable(UUID.fromString(rs.getString("id")), "chat".equals(rs.getString("channel")),
                        rs.getTimestamp("created_at").toInstant())).list();
        int attachments = 0;
        int messages = 0;
        int tickets_ = 0;
        int chats = 0;
        ErasureRule attachmentRule = policy.rule(ATTACHMENTS);
        for (Erasable ticket : tickets) {
            ErasureRule rule = policy.rule(ticket.chat() ? CHATS : TICKETS);
            if (!attachmentRule.keeps(ticket.createdAt())) {
                attachments += deleteAttachments(ticket.id());
            }
            if (rule.keeps(ticket.createdAt()) || rule.treatment() == Treatment.KEEP) {
                continue;
            }
            // a ticket is never deleted (its history, figures and surveys refer to it): anonymised
            int anonymised = anonymise(ticket.id(), now);
            if (anonymised < 0) {
                continue;
            }
            messages += anonymised;
            if (ticket.chat()) {
                chats++;
            } else {
                tickets_++;
            }
        }
        counts.put(TICKETS, tickets_);
        counts.put(CHATS, chats);
        counts.put(MESSAGES, messages);
        counts.put(ATTACHMENTS, attachments);
        return counts;
    }

    /**
     * Anonymises one ticket not anonymised yet; answers how many of its player's messages lost
     * their text, or -1 when it was anonymised before (by another request or node).
     */
    int anonymise(UUID ticketId, Instant now) {
        int updated = jdbc.sql("update ticket set subject = ?, contact_email = null, access_token_hash = null, "
                + "erased_at = ? where id = ? and erased_at is null").params(ERASED, Timestamp.from(now), ticketId)
                .update();
        if (updated == 0) {
            return -1;
        }
        jdbc.sql("delete from ticket_metadata where ticket_id = ?").param(ticketId).update();
        UUID gameId = jdbc.sql("select game_id from ticket where id = ?").param(ticketId).query(UUID.class).single();
        events.publishEvent(new TicketEvents.TicketErased(ticketId, gameId, now));
        return jdbc.sql("update ticket_message set body = ?, author_name = ? where ticket_id = ? "
                + "and author_kind = 'player'").params(ERASED, ERASED, ticketId).update();
    }

    /** Deletes a ticket's attachments, file first; answers how many. */
    int deleteAttachments(UUID ticketId) {
        List<Map.Entry<UUID, String>> found = jdbc.sql("select id, storage_key from ticket_attachment where ticket_id = ?")
                .param(ticketId).query((rs, n) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2))).list();
        int deleted = 0;
        for (Map.Entry<UUID, String> attachment : found) {
            files.delete(attachment.getValue());
            deleted += jdbc.sql("delete from ticket_attachment where id = ?").param(attachment.getKey()).update();
        }
        return deleted;
    }

    private record Erasable(UUID id, boolean chat, Instant createdAt) {
    }
}

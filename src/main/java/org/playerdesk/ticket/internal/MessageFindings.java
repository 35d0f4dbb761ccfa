package org.playerdesk.ticket.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.ReplyReview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The findings of the reviews of agents' replies, kept per message ({@code ticket_message_finding}). */
@Component
public class MessageFindings {

    static final int EVIDENCE_MAX = 200;

    private final JdbcTemplate jdbc;

    MessageFindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a message's findings (each once), in the caller's transaction. */
    public void store(UUID ticketId, UUID messageId, Collection<ReplyReview.Finding> findings) {
        List<Object[]> rows = new ArrayList<>();
        for (ReplyReview.Finding finding : new LinkedHashSet<>(findings)) {
            rows.add(new Object[] { messageId, ticketId, finding.code(), finding.blocks(),
                    Texts.abbreviate(finding.evidence() == null ? "" : finding.evidence(), EVIDENCE_MAX) });
        }
        jdbc.batchUpdate("insert into ticket_message_finding (message_id, ticket_id, check_code, blocks, evidence) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /** The findings of a ticket's messages, by message, in the order they were found. */
    public Map<UUID, List<ReplyReview.Finding>> of(UUID ticketId) {
        Map<UUID, List<ReplyReview.Finding>> found = new LinkedHashMap<>();
        jdbc.query("select message_id, check_code, blocks, evidence from ticket_message_finding where ticket_id = ? "
                + "order by message_id, check_code, evidence", (RowCallbackHandler) row -> found
                        .computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new ReplyReview.Finding(row.getString(2), row.getBoolean(3), row.getString(4))), ticketId);
        return found;
    }
}

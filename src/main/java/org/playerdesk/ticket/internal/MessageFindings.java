package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.ReplyReview;
import org.playerdesk.ticket.TicketEvents.ReplyFlagged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The findings of the reviews of agents' replies, kept per message ({@code ticket_message_finding}). */
@Component
public class MessageFindings {

    static final int EVIDENCE_MAX = 200;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    MessageFindings(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Writes the findings of an agent's new message (each once), in the caller's transaction, and
     * tells the other modules ({@link ReplyFlagged}: the agent's figures count flagged replies).
     */
    public void store(UUID ticketId, UUID gameId, UUID messageId, UUID agentId, Instant at,
            Collection<ReplyReview.Finding> findings) {
        write(ticketId, messageId, findings);
        List<String> checks = findings.stream().map(ReplyReview.Finding::code).distinct().sorted().toList();
        events.publishEvent(new ReplyFlagged(ticketId, gameId, messageId, agentId, checks, at));
    }

    private void write(UUID ticketId, UUID messageId, Collection<ReplyReview.Finding> findings) {
        List<Object[]> rows = new ArrayList<>();
        for (ReplyReview.Finding finding : new LinkedHashSet<>(findings)) {
            rows.add(new Object[] { messageId, ticketId, finding.code(), finding.blocks(),
                    Texts.abbreviate(finding.evidence() == null ? "" : finding.evidence(), EVIDENCE_MAX) });
        }
        jdbc.batchUpdate("insert into ticket_message_finding (message_id, ticket_id, check_code, blocks, evidence) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /**
     * Adds findings to the public message an agent wrote at {@code at} (a chat line already on its
     * ticket, found after it was sent: no closing line when the agent ended the chat); nothing when
     * there is no such message.
     */
    public void storeOnLine(UUID ticketId, UUID gameId, UUID authorId, Instant at,
            Collection<ReplyReview.Finding> found) {
        List<UUID> messages = jdbc.queryForList("select id from ticket_message where ticket_id = ? and author_id = ? "
                + "and created_at = ? and visibility = 'public'", UUID.class, ticketId, authorId,
                java.sql.Timestamp.from(at));
        if (!messages.isEmpty()) {
            UUID message = messages.getFirst();
            write(ticketId, message, found);
            List<String> checks = jdbc.queryForList("select distinct check_code from ticket_message_finding "
                    + "where message_id = ? order by check_code", String.class, message);
            events.publishEvent(new ReplyFlagged(ticketId, gameId, message, authorId, checks, at));
        }
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

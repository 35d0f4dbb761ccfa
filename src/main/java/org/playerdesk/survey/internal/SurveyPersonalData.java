package org.playerdesk.survey.internal;

import java.sql.Timestamp;
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
import org.playerdesk.ticket.TicketQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The player's survey answers (of their tickets), exported and erased for their data requests:
 * anonymised, an answer keeps its score (it counts toward the agent who resolved the ticket) and
 * loses its comment; deleted, the survey goes.
 */
@Component
class SurveyPersonalData implements PersonalDataHolder {

    static final String SURVEYS = "surveys";

    private final JdbcClient jdbc;
    private final TicketQueries tickets;

    SurveyPersonalData(JdbcClient jdbc, TicketQueries tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<UUID> ids = ticketIds(subject);
        if (ids.isEmpty()) {
            sink.rows(SURVEYS, List.of());
            return;
        }
        sink.rows(SURVEYS, jdbc.sql("select id, ticket_id, channel, asked_at, score, comment, reasons, answered_via, "
                + "answered_at from survey where ticket_id in (:tickets) order by resolved_at, id")
                .param("tickets", ids).query(ExportRows.MAPPER).list());
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(SURVEYS);
        List<UUID> ids = ticketIds(subject);
        if (ids.isEmpty() || rule.treatment() == Treatment.KEEP) {
            return Map.of(SURVEYS, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        int done = rule.treatment() == Treatment.DELETE
                ? jdbc.sql("delete from survey where ticket_id in (:tickets) and resolved_at < :before")
                        .param("tickets", ids).param("before", before).update()
                : jdbc.sql("update survey set comment = null where ticket_id in (:tickets) and resolved_at < :before "
                        + "and comment is not null").param("tickets", ids).param("before", before).update();
        return Map.of(SURVEYS, done);
    }

    private List<UUID> ticketIds(DataSubject subject) {
        return tickets.idsOfPlayer(subject.gameId(), subject.playerId());
    }
}

package org.playerdesk.department.internal;

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
 * The questions asked to other departments about a player's tickets and their answers (they speak
 * of the player), exported and erased for the player's data requests. Anonymised, a question keeps
 * its department, state and times (the departments' figures count them) without the question's
 * and the answer's texts; deleted, it goes.
 */
@Component
class QuestionPersonalData implements PersonalDataHolder {

    static final String QUESTIONS = "department-questions";
    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;
    private final TicketQueries tickets;

    QuestionPersonalData(JdbcClient jdbc, TicketQueries tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<UUID> ids = ticketIds(subject);
        if (ids.isEmpty()) {
            sink.rows(QUESTIONS, List.of());
            return;
        }
        sink.rows(QUESTIONS, jdbc.sql("select r.ticket_id, d.name as department, r.state, r.question, r.asked_at, "
                + "r.answer, r.answered_at from department_request r join department d on d.id = r.department_id "
                + "where r.ticket_id in (:tickets) order by r.asked_at, r.id").param("tickets", ids)
                .query(ExportRows.MAPPER).list());
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(QUESTIONS);
        List<UUID> ids = ticketIds(subject);
        if (ids.isEmpty() || rule.treatment() == Treatment.KEEP) {
            return Map.of(QUESTIONS, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        int done = rule.treatment() == Treatment.DELETE
                ? jdbc.sql("delete from department_request where ticket_id in (:tickets) and asked_at < :before")
                        .param("tickets", ids).param("before", before).update()
                : jdbc.sql("update department_request set question = :erased, answer = case when answer is null "
                        + "then null else :erased end, version = version + 1 where ticket_id in (:tickets) "
                        + "and asked_at < :before and question <> :erased").param("erased", ERASED)
                        .param("tickets", ids).param("before", before).update();
        return Map.of(QUESTIONS, done);
    }

    private List<UUID> ticketIds(DataSubject subject) {
        return tickets.idsOfPlayer(subject.gameId(), subject.playerId());
    }
}

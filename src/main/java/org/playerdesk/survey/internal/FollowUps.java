package org.playerdesk.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups (回访) of low scores ({@code survey_follow_up}): one per answered survey at or below the
 * game's threshold, opened with the answer and told to the game's leads in the console; a lead
 * calls the player back and closes it with what came of it. VIP service's follow-ups are visits
 * planned per VIP player, not per ticket, so these are a list of their own.
 */
@Component
class FollowUps {

    static final String PAGE = "/console/quality/surveys/follow-ups";

    /** A follow-up as the leads' list shows it. */
    record FollowUp(UUID id, UUID surveyId, UUID ticketId, UUID gameId, int score, Instant openedAt, Instant doneAt,
            UUID doneBy, String outcome) {

        public boolean done() {
            return doneAt != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final TicketQueries tickets;

    FollowUps(JdbcTemplate jdbc, Notifications notifications, TicketQueries tickets) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.tickets = tickets;
    }

    /** Opens the follow-up of a low answer, in the answer's transaction, and tells the game's leads. */
    void open(SurveyRow survey, int score, Instant at) {
        jdbc.update("insert into survey_follow_up (id, survey_id, ticket_id, game_id, score, opened_at) "
                + "values (?, ?, ?, ?, ?, ?)", Ids.next(), survey.id(), survey.ticketId(), survey.gameId(), score,
                SurveyStore.at(at));
        long number = tickets.head(survey.ticketId()).number();
        notifications.sendToLeads(survey.gameId(), new Notice("survey.low", "survey.notice.low",
                List.of(String.valueOf(number), String.valueOf(score)), PAGE, survey.ticketId()));
    }

    /** The follow-ups of these games, open ones first, then the latest done. */
    List<FollowUp> of(Collection<UUID> gameIds, int limit) {
        if (gameIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(gameIds.size(), "?"));
        return jdbc.query("select id, survey_id, ticket_id, game_id, score, opened_at, done_at, done_by, outcome "
                + "from survey_follow_up where game_id in (" + marks + ") "
                + "order by case when done_at is null then 0 else 1 end, opened_at desc, id "
                + "fetch first " + limit + " rows only", FollowUps::row, gameIds.toArray());
    }

    Optional<FollowUp> get(UUID id) {
        return jdbc.query("select id, survey_id, ticket_id, game_id, score, opened_at, done_at, done_by, outcome "
                + "from survey_follow_up where id = ?", FollowUps::row, id).stream().findFirst();
    }

    Optional<FollowUp> ofTicket(UUID ticketId) {
        return jdbc.query("select id, survey_id, ticket_id, game_id, score, opened_at, done_at, done_by, outcome "
                + "from survey_follow_up where ticket_id = ?", FollowUps::row, ticketId).stream().findFirst();
    }

    /** Closes the follow-up with its outcome; false when someone closed it already. */
    @Transactional
    boolean done(UUID id, UUID by, String outcome, Instant at) {
        return jdbc.update("update survey_follow_up set done_at = ?, done_by = ?, outcome = ? where id = ? "
                + "and done_at is null", SurveyStore.at(at), by, outcome, id) == 1;
    }

    private static FollowUp row(ResultSet row, int n) throws SQLException {
        OffsetDateTime done = row.getObject(7, OffsetDateTime.class);
        return new FollowUp(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                row.getObject(4, UUID.class), row.getInt(5), row.getObject(6, OffsetDateTime.class).toInstant(),
                done == null ? null : done.toInstant(), row.getObject(8, UUID.class), row.getString(9));
    }
}

package org.playerdesk.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.review.Review;
import org.playerdesk.review.ReviewState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The monthly reviews ({@code review_month}), one per agent and month. */
@Repository
public class ReviewStore {

    private static final String COLUMNS = "id, agent_id, review_month, state, handled, resolved, fcr, sla, "
            + "first_response, qa_score, qa_reviews, csat, csat_answers, attitude, ability, quality, satisfaction, "
            + "teamwork, result, lead_comment, agent_comment, reviewed_by, shared_at, acknowledged_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReviewStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<Review> get(UUID id) {
        return jdbc.query("select " + COLUMNS + " from review_month where id = ?", ReviewStore::review, id).stream()
                .findFirst();
    }

    public Optional<Review> of(UUID agentId, YearMonth month) {
        return jdbc.query("select " + COLUMNS + " from review_month where agent_id = ? and review_month = ?",
                ReviewStore::review, agentId, month.atDay(1)).stream().findFirst();
    }

    /** The agents' reviews of the months {@code from} to {@code to}, both included. */
    public List<Review> of(Collection<UUID> agents, YearMonth from, YearMonth to) {
        if (agents.isEmpty()) {
            return List.of();
        }
        return named.query("select " + COLUMNS + " from review_month where agent_id in (:agents)"
                + " and review_month between :from and :to order by review_month",
                new MapSqlParameterSource("agents", agents).addValue("from", from.atDay(1))
                        .addValue("to", to.atDay(1)),
                ReviewStore::review);
    }

    /** Every review that counts for pay (shared or acknowledged) of the months {@code from} to {@code to}. */
    public List<Review> counted(YearMonth from, YearMonth to) {
        return jdbc.query("select " + COLUMNS + " from review_month where state <> 'draft'"
                + " and review_month between ? and ?", ReviewStore::review, from.atDay(1), to.atDay(1));
    }

    /** The agent's reviews they may see (shared or acknowledged), newest first. */
    public List<Review> sharedWith(UUID agentId) {
        return jdbc.query("select " + COLUMNS + " from review_month where agent_id = ? and state <> 'draft'"
                + " order by review_month desc", ReviewStore::review, agentId);
    }

    public void insert(UUID id, UUID agentId, YearMonth month, ReviewFigures.Month figures, Instant at) {
        jdbc.update("insert into review_month (id, agent_id, review_month, state, handled, resolved, qa_reviews, "
                + "csat_answers, created_at) values (?, ?, ?, 'draft', 0, 0, 0, 0, ?)", id, agentId, month.atDay(1),
                Timestamp.from(at));
        figures(id, figures);
    }

    public void figures(UUID id, ReviewFigures.Month f) {
        jdbc.update("update review_month set handled = ?, resolved = ?, fcr = ?, sla = ?, first_response = ?, "
                + "qa_score = ?, qa_reviews = ?, csat = ?, csat_answers = ? where id = ?", f.tickets().handled(),
                f.tickets().resolved(), f.tickets().firstContactResolution(), f.tickets().slaCompliance(),
                f.tickets().firstResponse(), f.qaScore(), f.qaReviews(), f.csat(), f.csatAnswers(), id);
    }

    public void marks(UUID id, int[] marks, Integer result, String comment, UUID by) {
        jdbc.update("update review_month set attitude = ?, ability = ?, quality = ?, satisfaction = ?, teamwork = ?, "
                + "result = ?, lead_comment = ?, reviewed_by = ? where id = ?", marks[0], marks[1], marks[2], marks[3],
                marks[4], result, comment, by, id);
    }

    public void result(UUID id, Integer result) {
        jdbc.update("update review_month set result = ? where id = ?", result, id);
    }

    public boolean share(UUID id, Instant at) {
        return jdbc.update("update review_month set state = 'shared', shared_at = ? where id = ? and state = 'draft'",
                Timestamp.from(at), id) == 1;
    }

    public boolean acknowledge(UUID id, String comment, Instant at) {
        return jdbc.update("update review_month set state = 'acknowledged', agent_comment = ?, acknowledged_at = ? "
                + "where id = ? and state = 'shared'", comment, Timestamp.from(at), id) == 1;
    }

    private static Review review(ResultSet row, int n) throws SQLException {
        return new Review(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                YearMonth.from(row.getObject(3, LocalDate.class)), ReviewState.of(row.getString(4)), row.getLong(5),
                row.getLong(6), row.getObject(7, Double.class), row.getObject(8, Double.class),
                row.getObject(9, Long.class), row.getObject(10, Double.class), row.getInt(11),
                row.getObject(12, Double.class), row.getInt(13), row.getObject(14, Integer.class),
                row.getObject(15, Integer.class), row.getObject(16, Integer.class), row.getObject(17, Integer.class),
                row.getObject(18, Integer.class), row.getObject(19, Integer.class), row.getString(20),
                row.getString(21), row.getObject(22, UUID.class), instant(row.getTimestamp(23)),
                instant(row.getTimestamp(24)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

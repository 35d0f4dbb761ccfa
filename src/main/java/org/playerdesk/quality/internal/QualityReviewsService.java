package org.playerdesk.quality.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.quality.QualityReviews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link QualityReviews} on the desk's own draw and reviews. */
@Service
@Transactional
class QualityReviewsService implements QualityReviews {

    private final Sampler sampler;
    private final Reviews reviews;
    private final JdbcTemplate jdbc;

    QualityReviewsService(Sampler sampler, Reviews reviews, JdbcTemplate jdbc) {
        this.sampler = sampler;
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    @Override
    public List<Drawn> draw(UUID gameId, LocalDate day, StaffMember by) {
        return sampler.draw(gameId, day, by == null ? null : by.id()).picks().stream()
                .map(pick -> new Drawn(pick.agentId(), pick.ticketId(), pick.reason())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean anyScored(UUID gameId) {
        return !jdbc.queryForList("select id from qa_review where game_id = ? fetch first 1 rows only", UUID.class,
                gameId).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgentScores> scoresByAgent(Instant from, Instant to) {
        return jdbc.query("select agent_id, count(*), avg(round(score * 100.0 / max_score)) from qa_review"
                + " where created_at >= ? and created_at < ? and max_score > 0 group by agent_id",
                (row, n) -> new AgentScores(row.getObject(1, UUID.class), row.getInt(2), row.getDouble(3)),
                Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public UUID score(UUID ticketId, UUID agentId, StaffMember reviewer, List<String> marks, String comment) {
        return reviews.score(ticketId, agentId, reviewer, marks, comment).id();
    }

    @Override
    public void dispute(UUID reviewId, StaffMember agent, String reason) {
        reviews.dispute(reviewId, agent, reason);
    }
}

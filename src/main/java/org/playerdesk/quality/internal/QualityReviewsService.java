package org.playerdesk.quality.internal;

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
    public UUID score(UUID ticketId, UUID agentId, StaffMember reviewer, List<String> marks, String comment) {
        return reviews.score(ticketId, agentId, reviewer, marks, comment).id();
    }

    @Override
    public void dispute(UUID reviewId, StaffMember agent, String reason) {
        reviews.dispute(reviewId, agent, reason);
    }
}

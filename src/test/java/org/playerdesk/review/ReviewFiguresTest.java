package org.playerdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.quality.QualityReviews;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A review's QA figures come from the quality desk: the conversations scored in the month and the
 * mean of their scores out of 100, read when the lead drafts the review.
 */
@SpringBootTest
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class ReviewFiguresTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    QualityReviews quality;
    @Autowired
    MonthlyReviews reviews;

    @Test
    void aDraftTakesTheMonthsQaScoresFromTheQualityDesk() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember qa = workspace.staff(StaffRole.QA, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        for (List<String> marks : List.of(List.of("vague", "no-greeting"), List.<String>of())) {
            UUID ticket = workspace.ticket(game, "rv-" + UUID.randomUUID().toString().substring(0, 8), "payment")
                    .ticket().id();
            desk.reply(ticket, Actor.agent(agent.id(), agent.displayName()), "嗯，好像已经到账了。", List.of(), null);
            quality.score(ticket, agent.id(), qa, marks, null);
        }

        Review review = reviews.draft(List.of(agent.id()), reviews.thisMonth(), lead).getFirst();

        // 35 of 40 (88) and 40 of 40 (100): two scored, 94 on average
        assertThat(review.qaReviews()).isEqualTo(2);
        assertThat(review.qaScore()).isEqualTo(94.0);
        assertThat(review.csat()).isNull();
        assertThat(review.csatAnswers()).isZero();
    }
}

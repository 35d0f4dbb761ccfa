package org.playerdesk.insight.figures;

import org.playerdesk.quality.QualityEvents.ReviewScored;
import org.playerdesk.ticket.TicketEvents.ReplyFlagged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts quality for each agent: their replies the reply checks flagged (once per reply, however
 * often more is found in it) and the QA scores of their conversations (out of 100; a dispute's new
 * score replaces the first, on the day the conversation was first scored).
 */
@Component
class QualityFacts {

    private final TicketFacts facts;

    QualityFacts(TicketFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(ReplyFlagged event) {
        facts.count("flagged:" + event.messageId(), event.gameId(), event.at(), Metric.FLAGGED_REPLIES, event.agentId(),
                1);
    }

    @ApplicationModuleListener
    void on(ReviewScored event) {
        facts.recount("qa:" + event.reviewId(), event.gameId(), event.at(), Metric.QA_SCORE, event.agentId(),
                event.percent());
    }
}

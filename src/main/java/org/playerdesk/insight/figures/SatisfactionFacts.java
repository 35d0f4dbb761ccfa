package org.playerdesk.insight.figures;

import java.util.UUID;

import org.playerdesk.vip.VipEvents.FollowUpRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts the satisfaction scores of VIP follow-up visits (回访) as satisfaction answers, for the
 * player's VIP manager (or, for a player without one, whoever recorded the visit); a visit
 * without a score counts nothing. Keyed by the visit, so an event delivered twice counts once.
 */
@Component
class SatisfactionFacts {

    private final TicketFacts facts;

    SatisfactionFacts(TicketFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(FollowUpRecorded event) {
        if (event.satisfaction() == null) {
            return;
        }
        UUID agent = event.managerId() != null ? event.managerId() : event.recordedBy();
        facts.count("csat:follow-up:" + event.followUpId(), event.gameId(), event.at(), Metric.CSAT, agent,
                event.satisfaction());
        if (event.satisfaction() >= ChatFacts.SATISFIED) {
            facts.count("csat-satisfied:follow-up:" + event.followUpId(), event.gameId(), event.at(),
                    Metric.CSAT_SATISFIED, agent, 1);
        }
    }
}

package org.playerdesk.insight.figures;

import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.SurveyEvents.SurveyAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts the players' answers to the satisfaction surveys of the help center, the game API and
 * email as satisfaction answers, for the agent who resolved the ticket; a live chat's rating is
 * its survey answer too, and is counted once, from the chat ({@link ChatFacts}). Keyed by the
 * survey, so an event delivered twice counts once.
 */
@Component
class SurveyFacts {

    private final TicketFacts facts;

    SurveyFacts(TicketFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(SurveyAnswered event) {
        if (event.via() == SurveyChannel.LIVE_CHAT) {
            return;
        }
        facts.count("csat:survey:" + event.surveyId(), event.gameId(), event.at(), Metric.CSAT, event.resolvedBy(),
                event.score());
        if (event.score() >= ChatFacts.SATISFIED) {
            facts.count("csat-satisfied:survey:" + event.surveyId(), event.gameId(), event.at(), Metric.CSAT_SATISFIED,
                    event.resolvedBy(), 1);
        }
    }
}

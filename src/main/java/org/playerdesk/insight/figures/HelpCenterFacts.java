package org.playerdesk.insight.figures;

import org.playerdesk.knowledge.KnowledgeEvents.HelpDeflected;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts the help center's deflections (an article suggested by the ticket form, read, and left
 * without a ticket) per game and day. Each beacon is one deflection, keyed by the id its event
 * was made with, so an event delivered twice counts once.
 */
@Component
class HelpCenterFacts {

    private final TicketFacts facts;

    HelpCenterFacts(TicketFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(HelpDeflected event) {
        facts.count("help-deflected:" + event.deflectionId(), event.gameId(), event.at(), Metric.HELP_DEFLECTED,
                null, 1);
    }
}

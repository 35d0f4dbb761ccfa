package org.playerdesk.insight.figures;

import org.playerdesk.sla.PhoneAnswers;
import org.playerdesk.telephony.CallEvents.CallEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts phone calls from the telephony module's ended calls: every call, those answered with their
 * wait, those answered within the game's answer target ({@link PhoneAnswers}), those abandoned.
 * Each is keyed by the call, so an event delivered twice counts once.
 */
@Component
class CallFacts {

    private final TicketFacts facts;
    private final PhoneAnswers targets;

    CallFacts(TicketFacts facts, PhoneAnswers targets) {
        this.facts = facts;
        this.targets = targets;
    }

    @ApplicationModuleListener
    void on(CallEnded call) {
        facts.count("call:" + call.callId(), call.gameId(), call.at(), Metric.CALLS, null, 1);
        if (!call.answered()) {
            facts.count("call-abandoned:" + call.callId(), call.gameId(), call.at(), Metric.CALLS_ABANDONED, null, 1);
            return;
        }
        facts.count("call-answered:" + call.callId(), call.gameId(), call.at(), Metric.CALLS_ANSWERED, call.agentId(),
                call.waitSeconds());
        if (call.waitSeconds() <= targets.target(call.gameId()).toSeconds()) {
            facts.count("call-in-target:" + call.callId(), call.gameId(), call.at(), Metric.CALLS_ANSWERED_IN_TARGET,
                    call.agentId(), 1);
        }
    }
}

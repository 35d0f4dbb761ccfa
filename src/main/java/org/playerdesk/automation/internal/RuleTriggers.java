package org.playerdesk.automation.internal;

import org.playerdesk.system.events.OutboxListener;
import org.playerdesk.automation.RuleTrigger;
import org.playerdesk.sla.SlaEvents.SlaBreached;
import org.playerdesk.sla.SlaEvents.SlaWarning;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketPriorityChanged;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.playerdesk.ticket.TicketEvents.TicketTypeChanged;
import org.playerdesk.ticket.Visibility;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Which events run which rules. Each listener runs after the change is committed, through the
 * event publication registry: a failure is retried, and the record of runs keeps a retried
 * event from running a rule twice.
 */
@Configuration
@EnableConfigurationProperties(AutomationSettings.class)
class RuleTriggers {

    private final RuleRunner runner;

    RuleTriggers(RuleRunner runner) {
        this.runner = runner;
    }

    @OutboxListener
    void on(TicketCreated event) {
        runner.run(RuleTrigger.TICKET_CREATED, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged event) {
        runner.run(RuleTrigger.TICKET_UPDATED, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(TicketPriorityChanged event) {
        runner.run(RuleTrigger.TICKET_UPDATED, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(TicketTypeChanged event) {
        runner.run(RuleTrigger.TICKET_UPDATED, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(TicketAssigned event) {
        runner.run(RuleTrigger.TICKET_UPDATED, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(TicketTagged event) {
        runner.run(RuleTrigger.TICKET_UPDATED, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(TicketEscalated event) {
        runner.run(RuleTrigger.TICKET_UPDATED, event, event.ticketId(), event.gameId(), null);
    }

    @OutboxListener
    void on(TicketMessagePosted event) {
        if (event.visibility() == Visibility.PUBLIC && event.by() == Actor.Kind.PLAYER) {
            runner.run(RuleTrigger.PLAYER_REPLIED, event, event.ticketId(), event.gameId(), event.messageId());
        }
    }

    @ApplicationModuleListener
    void on(SlaWarning event) {
        runner.run(RuleTrigger.SLA_WARNING, event, event.ticketId(), event.gameId(), null);
    }

    @ApplicationModuleListener
    void on(SlaBreached event) {
        runner.run(RuleTrigger.SLA_BREACHED, event, event.ticketId(), event.gameId(), null);
    }
}

package org.playerdesk.routing.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.routing.Escalations;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/** Beside the conversation: the ticket's support level on its game's path, "Escalate" and a supervisor's "Hand back". */
@Component
class EscalationPanel implements TicketPanel {

    private final Escalations escalations;

    EscalationPanel(Escalations escalations) {
        this.escalations = escalations;
    }

    record Data(UUID ticketId, SupportLevel level, List<SupportLevel> path, boolean canEscalate,
            boolean canHandBack) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public String template() {
        return "routing/escalation-panel";
    }

    @Override
    public String title() {
        return "routing.escalation.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        if (!viewer.can(Permission.WORK_TICKETS) || !ticket.status().isActive()) {
            return Optional.empty();
        }
        List<SupportLevel> path = escalations.pathOf(ticket.gameId());
        int at = path.indexOf(ticket.level());
        return Optional.of(new Data(ticket.id(), ticket.level(), path, at + 1 < path.size(),
                viewer.can(Permission.ASSIGN_OTHERS) && at > 0));
    }
}

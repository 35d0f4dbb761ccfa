package org.playerdesk.incident.web;

import java.util.List;
import java.util.Optional;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.incident.LinkedTicket;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The ticket's incident beside the conversation: the one it is in, with unlinking, or the game's
 * live incidents to link it to.
 */
@Component
class IncidentPanel implements TicketPanel {

    private final Incidents incidents;

    IncidentPanel(Incidents incidents) {
        this.incidents = incidents;
    }

    record Data(TicketView ticket, LinkedTicket link, IncidentView incident, List<IncidentView> choices,
            boolean canLink) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String template() {
        return "incident/panel";
    }

    @Override
    public String title() {
        return "incident.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        boolean canLink = viewer.can(Permission.WORK_TICKETS);
        Optional<LinkedTicket> link = incidents.incidentOf(ticket.id());
        if (link.isPresent()) {
            return Optional.of(new Data(ticket, link.get(), incidents.get(link.get().incidentId()), List.of(), canLink));
        }
        List<IncidentView> choices = incidents.live(ticket.gameId());
        if (choices.isEmpty() || !canLink) {
            return Optional.empty();
        }
        return Optional.of(new Data(ticket, null, null, choices, canLink));
    }
}

package org.playerdesk.enforcement.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/** On a cheat report: record the reported player's violation and apply the next rung, from the ticket. */
@Component
class ViolationPanel implements TicketPanel {

    private final Enforcement enforcement;

    ViolationPanel(Enforcement enforcement) {
        this.enforcement = enforcement;
    }

    record Data(UUID ticketId, UUID gameId, List<ViolationTypeView> types) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 160;
    }

    @Override
    public String template() {
        return "enforcement/violation-panel";
    }

    @Override
    public String title() {
        return "gm.violation.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        if (ticket.type() != TicketType.CHEAT_REPORT) {
            return Optional.empty();
        }
        return Optional.of(new Data(ticket.id(), ticket.gameId(), enforcement.types(ticket.gameId())));
    }
}

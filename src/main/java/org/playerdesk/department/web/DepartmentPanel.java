package org.playerdesk.department.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.department.Departments;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.department.RequestView;
import org.playerdesk.department.Transfers;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * Beside the conversation: the questions asked of departments about this ticket (open, overdue,
 * answered) and, for an agent, the form to send the ticket to a department with a question.
 */
@Component
class DepartmentPanel implements TicketPanel {

    private final Departments departments;
    private final Transfers transfers;

    DepartmentPanel(Departments departments, Transfers transfers) {
        this.departments = departments;
        this.transfers = transfers;
    }

    record Data(UUID ticketId, List<RequestView> requests, List<DepartmentView> departments, boolean canAsk) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public String template() {
        return "department/panel";
    }

    @Override
    public String title() {
        return "department.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        List<RequestView> requests = transfers.onTicket(ticket.id());
        boolean canAsk = viewer.can(Permission.WORK_TICKETS) && ticket.status().isActive();
        List<DepartmentView> available = canAsk ? departments.availableTo(ticket.gameId()) : List.of();
        if (requests.isEmpty() && available.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Data(ticket.id(), requests, available, canAsk && !available.isEmpty()));
    }
}

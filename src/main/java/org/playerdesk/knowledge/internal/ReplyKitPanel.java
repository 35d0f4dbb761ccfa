package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The reply kit beside the reply box of a ticket: canned replies with this ticket's variables
 * filled in (inserted with a click or Alt+R then Enter), the macros, and the forbidden phrases the
 * reply box checks before sending ({@code /js/reply-kit.js}). Shown to staff who work tickets.
 */
@Component
class ReplyKitPanel implements TicketPanel {

    record Insertable(String stage, String title, String text, String locale) {
    }

    record MacroButton(UUID id, String name) {
    }

    record Phrase(String text, boolean bare) {
    }

    record Data(UUID ticketId, boolean active, List<Insertable> replies, List<MacroButton> macros,
            List<Phrase> forbidden) {
    }

    private final ReplyKit kit;

    ReplyKitPanel(ReplyKit kit) {
        this.kit = kit;
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "knowledge/reply-kit";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        if (!viewer.can(Permission.WORK_TICKETS)) {
            return Optional.empty();
        }
        ReplyVariables variables = kit.variables(ticket, viewer.displayName());
        List<Insertable> replies = kit.replies(ticket.gameId()).stream()
                .map(r -> new Insertable(r.stage().code(), r.title(), variables.fill(r.body()), r.locale())).toList();
        List<MacroButton> macros = kit.macros(ticket.gameId()).stream()
                .map(m -> new MacroButton(m.getId(), m.name())).toList();
        List<Phrase> forbidden = kit.forbidden(ticket.gameId()).stream()
                .map(p -> new Phrase(p.phrase(), p.bare())).toList();
        return Optional.of(new Data(ticket.id(), ticket.status() != TicketStatus.CLOSED, replies, macros, forbidden));
    }
}

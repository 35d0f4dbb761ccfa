package org.playerdesk.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * "Link to an incident" among the inbox's bulk actions: one of the live incidents of the reader's
 * games, linked to each ticket as the ticket page's incident panel links one ({@link Incidents#link}):
 * a ticket of another game, or already in another incident, is refused with the panel's words.
 */
@Component
class IncidentBulkAction implements BulkTicketAction {

    private final Incidents incidents;
    private final GameCatalog games;

    IncidentBulkAction(Incidents incidents, GameCatalog games) {
        this.incidents = incidents;
        this.games = games;
    }

    @Override
    public String code() {
        return "incident";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String labelKey() {
        return "incident.bulk.link";
    }

    /** The live incidents of every game the reader serves, newest first per game, named with their game. */
    @Override
    public List<Choice> choices(StaffUser reader) {
        List<GameInfo> served = games.servedBy(reader.gameScope());
        List<Choice> choices = new ArrayList<>();
        for (GameInfo game : served) {
            for (IncidentView incident : incidents.live(game.id())) {
                choices.add(Choice.named(incident.id().toString(),
                        served.size() > 1 ? game.name() + " · " + incident.title() : incident.title()));
            }
        }
        return choices;
    }

    @Override
    public void apply(TicketView ticket, String value, StaffMember agent) {
        incidents.link(UUID.fromString(value), ticket.id(), BulkTicketAction.actor(agent));
    }
}

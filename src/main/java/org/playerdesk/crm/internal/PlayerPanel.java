package org.playerdesk.crm.internal;

import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.ticket.TicketOnPage;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The player panel beside a ticket: the game account as the game's backend describes it (or a
 * word that it cannot be reached), VIP tier, tags, notes, violations and linked accounts. Personal
 * data is always masked here; the player page can reveal it.
 */
@Component
class PlayerPanel implements TicketPanel {

    private final PlayerDirectory players;
    private final PlayerCards cards;

    PlayerPanel(PlayerDirectory players, PlayerCards cards) {
        this.players = players;
        this.cards = cards;
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 20; // right under the player: the game account comes first
    }

    @Override
    public String template() {
        return "crm/player-panel";
    }

    @Override
    public String title() {
        return "crm.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        return Optional.of(cards.card(players.get(ticket.playerId()), viewer, false));
    }

    /** The player the page has read already. */
    @Override
    public Optional<Object> data(TicketOnPage page, StaffUser viewer) {
        return Optional.of(cards.card(page.player(), viewer, false));
    }
}

package org.playerdesk.enforcement.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.enforcement.AuthorityLimits;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.Ids;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/** The ticket's account actions beside the conversation: what was asked, its state, and a form to ask. */
@Component
class AccountActionsPanel implements TicketPanel {

    private final AccountActions actions;
    private final PlayerDirectory players;

    AccountActionsPanel(AccountActions actions, PlayerDirectory players) {
        this.actions = actions;
        this.players = players;
    }

    record Data(UUID ticketId, String accountId, List<ActionView> actions, String requestKey,
            AuthorityLimits.Limit limit, List<ActionKind> kinds, boolean canAct) {
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
        return "enforcement/actions-panel";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        String accountId = players.get(ticket.playerId()).accountId();
        return Optional.of(new Data(ticket.id(), accountId, actions.forTicket(ticket.id()), Ids.next().toString(),
                actions.limitOf(viewer.member()), List.of(ActionKind.values()),
                viewer.can(Permission.WORK_TICKETS)));
    }
}

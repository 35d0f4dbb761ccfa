package org.playerdesk.vip.internal;

import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.vip.VipService;
import org.playerdesk.vip.VipSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A VIP player's new ticket goes to their VIP manager, after the ticket is stored (a failure is
 * retried from the event publication registry). A ticket someone already took is left alone.
 */
@Configuration
@EnableConfigurationProperties(VipSettings.class)
class VipRouting {

    private final VipService vip;
    private final PlayerDirectory players;
    private final TicketQueries tickets;
    private final TicketDesk desk;

    VipRouting(VipService vip, PlayerDirectory players, TicketQueries tickets, TicketDesk desk) {
        this.vip = vip;
        this.players = players;
        this.tickets = tickets;
        this.desk = desk;
    }

    @ApplicationModuleListener
    void on(TicketCreated created) {
        String accountId = players.get(created.playerId()).accountId();
        vip.managerOf(created.gameId(), accountId).ifPresent(manager -> {
            if (manager != null && tickets.head(created.ticketId()).assigneeId() == null) {
                desk.assign(created.ticketId(), manager, Actor.SYSTEM);
            }
        });
    }
}

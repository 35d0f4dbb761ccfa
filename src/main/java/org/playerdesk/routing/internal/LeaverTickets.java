package org.playerdesk.routing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.playerdesk.access.StaffEvents.StaffDisabled;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRef;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A disabled member of staff (a leaver) holds no unfinished ticket: each goes back to routing
 * unassigned, with an internal note (in the game's language) saying why, and routing gives it to
 * someone else. Each ticket in a transaction of its own; a ticket no longer theirs is left alone,
 * so a second run, or one in parallel, changes nothing.
 */
@Component
class LeaverTickets {

    private static final Logger log = LoggerFactory.getLogger(LeaverTickets.class);
    private static final int BATCH = 200;

    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final GameCatalog games;
    private final MessageSource messages;
    private final ConflictRetry retry;

    LeaverTickets(TicketQueries tickets, TicketDesk desk, GameCatalog games, MessageSource messages,
            ConflictRetry retry) {
        this.tickets = tickets;
        this.desk = desk;
        this.games = games;
        this.messages = messages;
        this.retry = retry;
    }

    @Async
    @TransactionalEventListener
    void on(StaffDisabled disabled) {
        TicketFilter held = new TicketFilter(null, null, TicketStatus.ACTIVE, null, null, null, disabled.staffId(),
                false, null, null, null, TicketFilter.Order.OLDEST);
        int handed = 0;
        List<TicketRef> batch;
        do {
            batch = tickets.matching(held, BATCH);
            for (TicketRef ticket : batch) {
                retry.run(() -> handBack(ticket, disabled));
                handed++;
            }
        } while (batch.size() == BATCH);
        if (handed > 0) {
            log.info("{} tickets of disabled member of staff {} went back to routing", handed, disabled.staffId());
        }
    }

    private void handBack(TicketRef ref, StaffDisabled disabled) {
        TicketView ticket = tickets.head(ref.id());
        if (!Objects.equals(ticket.assigneeId(), disabled.staffId()) || !ticket.status().isActive()) {
            return;
        }
        Locale locale = Locales.supported(games.get(ticket.gameId()).defaultLocale());
        desk.note(ticket.id(), Actor.SYSTEM,
                messages.getMessage("staff.note.disabled", new Object[] { disabled.displayName() }, locale), List.of());
        desk.assign(ticket.id(), null, Actor.SYSTEM);
    }
}

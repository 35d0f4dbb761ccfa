package org.playerdesk.chat.web;

import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * On the page of a chat's ticket while the chat is under way: who has it and the lines not yet on
 * the ticket, so that whoever opens the ticket sees the whole conversation so far.
 */
@Component
class LiveChatPanel implements TicketPanel {

    private final ChatDesk desk;

    LiveChatPanel(ChatDesk desk) {
        this.desk = desk;
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "chat/ticket-panel";
    }

    @Override
    public String title() {
        return "chat.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        return ticket.channel() == TicketChannel.CHAT ? desk.liveTail(ticket.id()).map(Object.class::cast)
                : Optional.empty();
    }
}

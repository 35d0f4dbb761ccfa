package org.playerdesk.wellbeing.internal;

import org.playerdesk.system.events.OutboxListener;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.assist.AbusiveLanguage;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatEvents.ChatEnded;
import org.playerdesk.chat.ChatEvents.ChatTransferred;
import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatView;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Visibility;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Each agent's contacts from the ticket and chat events, and which were hostile:
 * <ul>
 * <li>a ticket tagged {@code hostile} (by the assistant on arrival, or by an agent) is a hostile
 * contact of the agent holding it when it is tagged, of whoever it is assigned to while it carries
 * the tag, and of every agent who answers it;</li>
 * <li>a live chat is a hostile contact of the agent holding it when the player writes an abusive
 * line (seen when the lines reach the chat's ticket, and when the chat ends or is handed on);</li>
 * <li>an agent's public reply to a ticket without the tag, and a live chat that ends or is handed
 * on without an abusive line, are contacts that were not hostile: they end a run.</li>
 * </ul>
 * Each contact is one row per agent and ticket, so a repeated event changes nothing.
 */
@Component
class HostileContacts {

    static final String HOSTILE_TAG = "hostile";

    private final Contacts contacts;
    private final TicketQueries tickets;
    private final ChatDesk chats;
    private final AbusiveLanguage abusive;
    private final ConflictRetry retry;

    HostileContacts(Contacts contacts, TicketQueries tickets, ChatDesk chats, AbusiveLanguage abusive,
            ConflictRetry retry) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.chats = chats;
        this.abusive = abusive;
        this.retry = retry;
    }

    @ApplicationModuleListener
    void on(TicketTagged event) {
        if (!event.added() || !HOSTILE_TAG.equals(event.tag())) {
            return;
        }
        TicketView ticket = tickets.head(event.ticketId());
        if (ticket.assigneeId() != null) {
            hostile(ticket.assigneeId(), ticket, Contact.TAG, event.at());
        }
    }

    @ApplicationModuleListener
    void on(TicketAssigned event) {
        if (event.to() == null) {
            return;
        }
        TicketView ticket = tickets.head(event.ticketId());
        if (ticket.tags().contains(HOSTILE_TAG)) {
            hostile(event.to(), ticket, Contact.TAG, event.at());
        } else if (ticket.channel() == TicketChannel.CHAT && abusiveOnTicket(ticket.id())) {
            hostile(event.to(), ticket, Contact.ABUSIVE_LINE, event.at());
        }
    }

    @OutboxListener
    void on(TicketMessagePosted event) {
        if (event.visibility() != Visibility.PUBLIC) {
            return;
        }
        TicketView ticket = tickets.head(event.ticketId());
        if (ticket.channel() == TicketChannel.CHAT) {
            // a batch of the chat's lines reached its ticket: an abusive one is met by whoever holds the chat
            if (event.by() == Actor.Kind.PLAYER && ticket.assigneeId() != null && abusiveOnTicket(ticket.id())) {
                hostile(ticket.assigneeId(), ticket, Contact.ABUSIVE_LINE, event.at());
            }
            return;
        }
        if (event.by() != Actor.Kind.AGENT) {
            return;
        }
        MessageView reply = tickets.message(event.ticketId(), event.messageId()).orElse(null);
        if (reply == null || reply.authorId() == null) {
            return;
        }
        if (ticket.tags().contains(HOSTILE_TAG)) {
            hostile(reply.authorId(), ticket, Contact.TAG, event.at());
        } else {
            retry.run(() -> contacts.handled(reply.authorId(), ticket.id(), ticket.gameId(), Contact.TICKET,
                    event.at()));
        }
    }

    @ApplicationModuleListener
    void on(ChatEnded event) {
        settle(event.chatId(), event.agentId(), event.at());
    }

    /** Handing a chat on ends the first agent's contact with it. */
    @ApplicationModuleListener
    void on(ChatTransferred event) {
        settle(event.chatId(), event.fromAgentId(), event.at());
    }

    /** A chat the agent held is over for them: hostile if the player wrote an abusive line, else handled. */
    private void settle(UUID chatId, UUID agentId, Instant at) {
        if (agentId == null) {
            return;
        }
        ChatView chat = chats.view(chatId);
        List<ChatLine> lines = chats.history(chatId, 0);
        boolean abusiveLine = lines.stream().anyMatch(line -> "player".equals(line.kind()) && abusive.in(line.body()));
        TicketView ticket = tickets.head(chat.ticketId());
        if (abusiveLine || ticket.tags().contains(HOSTILE_TAG)) {
            hostile(agentId, ticket, abusiveLine ? Contact.ABUSIVE_LINE : Contact.TAG, at);
        } else {
            retry.run(() -> contacts.handled(agentId, ticket.id(), ticket.gameId(), Contact.CHAT, at));
        }
    }

    private void hostile(UUID staffId, TicketView ticket, String cause, Instant at) {
        String channel = ticket.channel() == TicketChannel.CHAT ? Contact.CHAT : Contact.TICKET;
        retry.run(() -> contacts.hostile(staffId, ticket.id(), ticket.gameId(), channel, cause, at));
    }

    /** Whether the player wrote an abusive line on the ticket (a chat's lines once they reached it). */
    private boolean abusiveOnTicket(UUID ticketId) {
        return tickets.details(ticketId, false).messages().stream()
                .anyMatch(message -> message.authorKind() == Actor.Kind.PLAYER && abusive.in(message.body()));
    }
}

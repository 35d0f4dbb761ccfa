package org.playerdesk.workforce.internal.handover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatView;
import org.playerdesk.department.RequestView;
import org.playerdesk.department.Transfers;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.incident.IncidentStatus;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.vip.VipPlayerView;
import org.playerdesk.vip.VipService;
import org.playerdesk.workforce.HandoverItem.Kind;
import org.springframework.stereotype.Component;

/**
 * An agent's unresolved work, read from the modules that keep it, for the handover form: the
 * tickets they hold (by service-level due time), their live chats, the department questions they
 * asked that still await an answer, account actions they asked for awaiting approval (and, for a
 * supervisor, those waiting on them), VIP follow-ups they manage due before the next shift ends,
 * and the incidents in progress in their games.
 */
@Component
public class OpenWork {

    static final int PER_KIND_MAX = 100;
    private static final int LABEL_MAX = 300;
    private static final Set<TicketStatus> UNFINISHED = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.PENDING_PLAYER, TicketStatus.PENDING_INTERNAL);

    /** One item as listed on the form, before the agent writes anything. */
    public record Listed(Kind kind, UUID refId, UUID gameId, String label, String detail, Instant dueAt,
            String link) {

        public Listed {
            label = Texts.abbreviate(label == null || label.isBlank() ? "-" : label.strip(), LABEL_MAX);
        }
    }

    private final TicketQueries tickets;
    private final ChatSeats chats;
    private final Transfers transfers;
    private final AccountActions actions;
    private final VipService vip;
    private final Incidents incidents;

    OpenWork(TicketQueries tickets, ChatSeats chats, Transfers transfers, AccountActions actions, VipService vip,
            Incidents incidents) {
        this.tickets = tickets;
        this.chats = chats;
        this.transfers = transfers;
        this.actions = actions;
        this.vip = vip;
        this.incidents = incidents;
    }

    /** Everything unresolved the agent would hand over now; follow-ups due by {@code horizon}. */
    public List<Listed> of(StaffMember agent, Instant horizon) {
        List<Listed> found = new ArrayList<>();
        Set<UUID> scope = agent.role().seesAllGames() ? null : agent.gameIds();
        TicketFilter held = new TicketFilter(scope, null, UNFINISHED, null, null, null, agent.id(), false, null,
                null, null, TicketFilter.Order.DUE);
        List<ChatView> live = chats.active(agent);
        // a live chat's transcript ticket goes with the chat, not as an item of its own
        Set<UUID> chatTickets = new java.util.HashSet<>(live.stream().map(ChatView::ticketId).toList());
        for (TicketView t : tickets.search(held, 0, PER_KIND_MAX)) {
            if (chatTickets.contains(t.id())) {
                continue;
            }
            found.add(new Listed(Kind.TICKET, t.id(), t.gameId(), "#" + t.number() + " " + t.subject(),
                    t.status().code(), t.slaDueAt(), "/console/tickets/" + t.id()));
        }
        for (ChatView chat : live) {
            String who = chat.accountId() == null ? chat.nickname() : chat.nickname() + " (" + chat.accountId() + ")";
            found.add(new Listed(Kind.CHAT, chat.id(), chat.gameId(), who, null, null, "/console/chat"));
        }
        for (RequestView question : transfers.awaitingAnswer(agent.id())) {
            found.add(new Listed(Kind.QUESTION, question.id(), question.gameId(),
                    question.departmentName() + ": " + question.question(), null, question.dueAt(),
                    "/console/tickets/" + question.ticketId()));
        }
        List<ActionView> pending = new ArrayList<>(actions.requestedBy(agent.id(), PER_KIND_MAX).stream()
                .filter(ActionView::pending).toList());
        if (agent.role().leads()) {
            actions.awaitingApproval(agent).stream().filter(a -> pending.stream().noneMatch(p -> p.id().equals(a.id())))
                    .limit(PER_KIND_MAX).forEach(pending::add);
        }
        for (ActionView action : pending) {
            found.add(new Listed(Kind.APPROVAL, action.id(), action.gameId(),
                    action.accountId() + (action.reason() == null ? "" : ": " + action.reason()),
                    action.kind().code(), null,
                    action.ticketId() == null ? "/console/approvals" : "/console/tickets/" + action.ticketId()));
        }
        for (VipPlayerView player : vip.dueFollowUps(scope, horizon)) {
            if (agent.id().equals(player.managerId()) && found.stream().filter(l -> l.kind() == Kind.FOLLOW_UP)
                    .count() < PER_KIND_MAX) {
                found.add(new Listed(Kind.FOLLOW_UP, player.id(), player.gameId(), player.accountId(),
                        player.tier(), player.nextFollowUpAt(), "/console/vip"));
            }
        }
        for (IncidentView incident : incidents.list(scope, EnumSet.of(IncidentStatus.OPEN), 0)) {
            found.add(new Listed(Kind.INCIDENT, incident.id(), incident.gameId(), incident.title(), null, null,
                    "/console/incidents/" + incident.id()));
        }
        return found;
    }
}

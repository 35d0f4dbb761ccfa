package org.playerdesk.automation.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RunStep;
import org.playerdesk.automation.RunStep.Arg;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Does one action of a rule on a ticket, as the rule ({@code actor}): every change goes through
 * the ticket desk, so it is in the ticket's history under the rule's name; a notice sent is
 * written there too. Answers what was done, for the record of the run, as a message key and its
 * arguments (a status by its name's key), so that each reader reads it in their language.
 */
@Component
class RuleActions {

    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final Notifications notifications;
    private final CannedReplies cannedReplies;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final MessageSource messages;

    RuleActions(TicketDesk desk, TicketQueries tickets, Notifications notifications, CannedReplies cannedReplies,
            StaffDirectory staff, GameCatalog games, MessageSource messages) {
        this.desk = desk;
        this.tickets = tickets;
        this.notifications = notifications;
        this.cannedReplies = cannedReplies;
        this.staff = staff;
        this.games = games;
        this.messages = messages;
    }

    RunStep apply(RuleAction action, UUID ticketId, Actor actor, String ruleName) {
        String value = action.value();
        return switch (action.kindCode()) {
            case SET_STATUS -> {
                desk.changeStatus(ticketId, Coded.fromCode(TicketStatus.class, value), actor);
                yield RunStep.of("automation.run.set_status", Arg.named("ticket.status." + value));
            }
            case SET_PRIORITY -> {
                desk.prioritize(ticketId, Coded.fromCode(TicketPriority.class, value), actor);
                yield RunStep.of("automation.run.set_priority", Arg.named("ticket.priority." + value));
            }
            case SET_TYPE -> {
                desk.retype(ticketId, Coded.fromCode(TicketType.class, value), actor);
                yield RunStep.of("automation.run.set_type", Arg.named("ticket.type." + value));
            }
            case ASSIGN -> {
                UUID assignee = value == null || value.isBlank() ? null : UUID.fromString(value);
                desk.assign(ticketId, assignee, actor);
                yield assignee == null ? RunStep.of("automation.run.unassigned")
                        : RunStep.of("automation.run.assigned", Arg.text(staff.get(assignee).displayName()));
            }
            case ADD_TAG -> {
                desk.tag(ticketId, value, actor);
                yield RunStep.of("automation.run.add_tag", Arg.text(value));
            }
            case REMOVE_TAG -> {
                desk.untag(ticketId, value, actor);
                yield RunStep.of("automation.run.remove_tag", Arg.text(value));
            }
            case NOTIFY_ASSIGNEE -> {
                UUID assignee = tickets.head(ticketId).assigneeId();
                yield assignee == null ? RunStep.of("automation.run.noAssignee")
                        : notify(ticketId, List.of(assignee), actor, ruleName);
            }
            case NOTIFY_LEADS -> {
                TicketView ticket = tickets.head(ticketId);
                yield notify(ticketId, notifications.leadsOf(ticket.gameId()), actor, ruleName);
            }
            case NOTIFY_STAFF -> notify(ticketId, List.of(UUID.fromString(value)), actor, ruleName);
            case CANNED_REPLY -> {
                TicketView ticket = tickets.head(ticketId);
                String text = cannedReplies.render(UUID.fromString(value), ticketId, agentName(ticket));
                desk.reply(ticketId, actor, text, List.of(), null);
                yield RunStep.of("automation.run.canned_reply");
            }
            case ADD_NOTE -> {
                desk.note(ticketId, actor, value, List.of());
                yield RunStep.of("automation.run.add_note");
            }
        };
    }

    /** The name a canned reply signs with: the assignee's, else the game's support team. */
    String agentName(TicketView ticket) {
        if (ticket.assigneeId() != null) {
            return staff.get(ticket.assigneeId()).displayName();
        }
        return messages.getMessage("automation.agentName", null, localeOf(ticket.gameId()));
    }

    Locale localeOf(UUID gameId) {
        return Locales.supported(games.get(gameId).defaultLocale());
    }

    private RunStep notify(UUID ticketId, List<UUID> staffIds, Actor actor, String ruleName) {
        if (staffIds.isEmpty()) {
            return RunStep.of("automation.run.nobodyToNotify");
        }
        TicketView ticket = tickets.head(ticketId);
        notifications.send(staffIds, new Notice("automation.rule", "automation.notice.rule",
                List.of(ruleName, String.valueOf(ticket.number()), ticket.subject()), "/console/tickets/" + ticketId,
                ticketId));
        List<String> names = staff.byIds(staffIds).values().stream().map(m -> m.displayName()).sorted().toList();
        desk.recordInHistory(ticketId, actor, messages.getMessage("automation.history.notified",
                new Object[] { String.join(", ", names) }, localeOf(ticket.gameId())));
        return RunStep.of("automation.run.notified", Arg.text(String.join(", ", names)));
    }
}

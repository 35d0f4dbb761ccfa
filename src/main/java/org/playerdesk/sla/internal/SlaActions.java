package org.playerdesk.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.routing.Escalations;
import org.playerdesk.sla.SlaAction;
import org.playerdesk.sla.SlaEvents.SlaBreached;
import org.playerdesk.sla.SlaEvents.SlaWarning;
import org.playerdesk.sla.SlaTarget;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a policy's actions once a warning or breach has fired: notifies the assignee and the
 * leads, raises the priority one step, escalates one level. The actions listed on the firing
 * record run with it marked done, in one transaction, so a retried event does not repeat them.
 */
@Component
class SlaActions {

    private final SlaFiringRepository firings;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final Notifications notifications;
    private final Escalations escalations;
    private final ConflictRetry retry;
    private final Clock clock;

    SlaActions(SlaFiringRepository firings, TicketQueries tickets, TicketDesk desk, Notifications notifications,
            Escalations escalations, ConflictRetry retry, Clock clock) {
        this.firings = firings;
        this.tickets = tickets;
        this.desk = desk;
        this.notifications = notifications;
        this.escalations = escalations;
        this.retry = retry;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(SlaWarning warning) {
        retry.run(() -> run(warning.ticketId(), warning.target(), SlaFiring.WARNING, warning.dueAt(), warning.at()));
    }

    @Async
    @TransactionalEventListener
    void on(SlaBreached breached) {
        retry.run(() -> run(breached.ticketId(), breached.target(), SlaFiring.BREACH, breached.dueAt(), breached.at()));
    }

    private void run(UUID ticketId, SlaTarget target, String kind, Instant dueAt, Instant at) {
        for (SlaFiring firing : firings.findByTicketIdAndTargetAndKindAndActionsDoneAtIsNull(ticketId, target, kind)) {
            TicketView ticket = tickets.head(ticketId);
            List<String> outcome = new ArrayList<>();
            String number = "#" + ticket.number();
            String link = "/console/tickets/" + ticketId;
            Notice notice = SlaFiring.WARNING.equals(kind)
                    ? new Notice("sla.warning", "notification.sla.warning." + target.code(),
                            List.of(number, Long.toString(Math.max(0, Duration.between(at, dueAt).toMinutes()))), link,
                            ticketId)
                    : new Notice("sla.breach", "notification.sla.breach." + target.code(), List.of(number), link,
                            ticketId);
            for (SlaAction action : SlaPolicy.parse(firing.actions())) {
                switch (action) {
                    case NOTIFY_ASSIGNEE -> {
                        if (ticket.assigneeId() != null) {
                            notifications.send(ticket.assigneeId(), notice);
                            outcome.add("assignee notified");
                        }
                    }
                    case NOTIFY_LEADS -> outcome.add(notifications.sendToLeads(ticket.gameId(), notice).size()
                            + " leads notified");
                    case RAISE_PRIORITY -> {
                        TicketPriority next = raised(ticket.priority());
                        if (next != ticket.priority() && ticket.status().isActive()) {
                            desk.prioritize(ticketId, next, Actor.SYSTEM);
                            outcome.add("priority " + next.code());
                        }
                    }
                    case ESCALATE -> {
                        // checked first: a refusal inside the escalation would spoil this transaction
                        List<SupportLevel> path = escalations.pathOf(ticket.gameId());
                        if (path.indexOf(ticket.level()) + 1 >= path.size()) {
                            outcome.add("already at the top level");
                        } else if (ticket.status().isActive()) {
                            TicketView moved = escalations.escalate(ticketId, "SLA " + kind + ": " + target.code(),
                                    Actor.SYSTEM);
                            outcome.add("escalated to " + moved.level().code());
                        }
                    }
                }
            }
            firing.done(String.join("; ", outcome), clock.instant());
        }
    }

    static TicketPriority raised(TicketPriority priority) {
        TicketPriority[] all = TicketPriority.values();
        return priority.ordinal() + 1 < all.length ? all[priority.ordinal() + 1] : priority;
    }
}

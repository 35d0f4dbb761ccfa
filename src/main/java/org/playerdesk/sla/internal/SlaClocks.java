package org.playerdesk.sla.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.sla.BusinessCalendar;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.sla.SlaPolicies;
import org.playerdesk.sla.SlaTarget;
import org.playerdesk.sla.TimerView;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of each ticket's targets, moved by what happens to the ticket: first response from
 * arrival to the first public answer; next response from each player reply (after the first
 * answer) to the next answer; resolution from arrival to resolved or closed (a reopen resumes it).
 * All of them pause while the ticket waits on the player. Every change ends by telling the ticket
 * its nearest deadline, for the inbox.
 */
@Component
@Transactional
public class SlaClocks {

    private final SlaTimerRepository timers;
    private final SlaPolicies policies;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final PlayerProfiles profiles;

    SlaClocks(SlaTimerRepository timers, SlaPolicies policies, TicketQueries tickets, TicketDesk desk,
            PlayerProfiles profiles) {
        this.timers = timers;
        this.policies = policies;
        this.tickets = tickets;
        this.desk = desk;
        this.profiles = profiles;
    }

    /** A new ticket: its targets start at its arrival. */
    public void arrived(UUID ticketId, Instant at) {
        TicketView ticket = tickets.head(ticketId);
        Calendars calendars = new Calendars();
        Map<SlaTarget, SlaTimer> running = ensure(ticket, calendars);
        followStatus(ticket, running, at, calendars, false);
        track(ticket, running.values());
    }

    /** A public message: from support it answers; from the player (after an answer) it asks again. */
    public void messagePosted(UUID ticketId, boolean byPlayer, Instant at) {
        TicketView ticket = tickets.head(ticketId);
        Calendars calendars = new Calendars();
        Map<SlaTarget, SlaTimer> running = ensure(ticket, calendars);
        if (!byPlayer) {
            stop(running.get(SlaTarget.FIRST_RESPONSE), at, calendars);
            stop(running.get(SlaTarget.NEXT_RESPONSE), at, calendars);
        } else if (answered(ticket, running) && ticket.status().isActive()) {
            SlaTimer next = running.get(SlaTarget.NEXT_RESPONSE);
            if (next == null || "stopped".equals(next.state())) {
                policy(ticket).ifPresent(policy -> {
                    Integer minutes = policy.nextResponseMinutes();
                    if (minutes != null) {
                        SlaTimer timer = next != null ? next
                                : new SlaTimer(ticket.id(), ticket.gameId(), ticket.number(), SlaTarget.NEXT_RESPONSE);
                        timer.start(policy, minutes, at, calendars.of(policy.calendarId()));
                        timers.save(timer);
                        running.put(SlaTarget.NEXT_RESPONSE, timer);
                    }
                });
            }
        }
        followStatus(ticket, running, at, calendars, false);
        track(ticket, running.values());
    }

    /** The status now (not the event's, which may be stale) decides: waiting on the player pauses. */
    public void statusChanged(UUID ticketId, Instant at) {
        TicketView ticket = tickets.head(ticketId);
        Calendars calendars = new Calendars();
        Map<SlaTarget, SlaTimer> running = ensure(ticket, calendars);
        followStatus(ticket, running, at, calendars, true);
        track(ticket, running.values());
    }

    /**
     * Type or priority changed: the policy matches again. The business time already used carries
     * over to the new policy's targets; a target the new policy lacks stops; one it adds starts
     * as if from the ticket's arrival.
     */
    public void rematch(UUID ticketId, Instant at) {
        TicketView ticket = tickets.head(ticketId);
        Calendars calendars = new Calendars();
        Map<SlaTarget, SlaTimer> existing = ensure(ticket, calendars);
        Optional<PolicyView> matched = policy(ticket);
        for (SlaTarget target : SlaTarget.values()) {
            SlaTimer timer = existing.get(target);
            Integer minutes = matched.map(p -> p.minutesFor(target)).orElse(null);
            if (timer != null && "stopped".equals(timer.state())) {
                continue;
            }
            if (timer != null && minutes == null) {
                stop(timer, at, calendars);
            } else if (timer != null && !matched.get().id().equals(timer.policyId())) {
                PolicyView policy = matched.get();
                timer.rematch(policy, minutes, at, calendars.of(timer.calendarId()), calendars.of(policy.calendarId()));
            } else if (timer == null && minutes != null && startsAtArrival(target, ticket)) {
                PolicyView policy = matched.get();
                SlaTimer fresh = new SlaTimer(ticket.id(), ticket.gameId(), ticket.number(), target);
                fresh.start(policy, minutes, ticket.createdAt(), calendars.of(policy.calendarId()));
                timers.save(fresh);
                existing.put(target, fresh);
            }
        }
        followStatus(ticket, existing, at, calendars, false);
        track(ticket, existing.values());
    }

    /** Each target of the ticket as it stands now. */
    @Transactional(readOnly = true)
    public List<TimerView> timersOf(UUID ticketId, Instant now) {
        Calendars calendars = new Calendars();
        return timers.findByTicketId(ticketId).stream()
                .sorted((a, b) -> a.target().compareTo(b.target()))
                .map(t -> t.view(now, calendars.of(t.calendarId()))).toList();
    }

    /** Tells the ticket its nearest running deadline and how it stands (breached before warning before on track). */
    public void track(UUID ticketId) {
        track(tickets.head(ticketId), timers.findByTicketId(ticketId));
    }

    /**
     * As {@link #track(UUID)}, from the ticket and every timer of it as this transaction read and
     * changed them (one timer per target: a change's map of them holds them all).
     */
    private void track(TicketView ticket, java.util.Collection<SlaTimer> all) {
        Instant due = null;
        SlaState state = null;
        boolean paused = false;
        if (all.isEmpty()) {
            return; // no policy applies: the ticket's deadline is not this module's to clear
        }
        for (SlaTimer timer : all) {
            if (timer.running()) {
                if (due == null || timer.dueAt().isBefore(due)) {
                    due = timer.dueAt();
                }
                SlaState mine = timer.breachedAt() != null ? SlaState.BREACHED
                        : timer.warnedAt() != null ? SlaState.WARNING : SlaState.ON_TRACK;
                if (state == null || mine.ordinal() > state.ordinal()) {
                    state = mine;
                }
            } else if (timer.paused()) {
                paused = true;
            }
        }
        SlaState shown = state == null && paused ? SlaState.PAUSED : state;
        if (!java.util.Objects.equals(ticket.slaDueAt(), due) || ticket.slaState() != shown) {
            desk.trackSla(ticket.id(), due, shown);
        }
    }

    private void followStatus(TicketView ticket, Map<SlaTarget, SlaTimer> timersOfTicket, Instant at,
            Calendars calendars, boolean mayReopen) {
        TicketStatus status = ticket.status();
        for (SlaTimer timer : timersOfTicket.values()) {
            BusinessCalendar calendar = calendars.of(timer.calendarId());
            if (status == TicketStatus.PENDING_PLAYER) {
                timer.pause(at, calendar);
            } else if (!status.isActive()) {
                timer.stop(at, calendar);
            } else if (timer.paused() || (mayReopen && timer.target() == SlaTarget.RESOLUTION && !timer.running())) {
                timer.resume(at, calendar);
            }
        }
    }

    /** The ticket's timers by target, made from its policy the first time any event of it arrives. */
    private Map<SlaTarget, SlaTimer> ensure(TicketView ticket, Calendars calendars) {
        Map<SlaTarget, SlaTimer> byTarget = new EnumMap<>(SlaTarget.class);
        for (SlaTimer timer : timers.findByTicketId(ticket.id())) {
            byTarget.put(timer.target(), timer);
        }
        if (!byTarget.isEmpty()) {
            return byTarget;
        }
        policy(ticket).ifPresent(policy -> {
            for (SlaTarget target : new SlaTarget[] { SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION }) {
                Integer minutes = policy.minutesFor(target);
                if (minutes != null) {
                    SlaTimer timer = new SlaTimer(ticket.id(), ticket.gameId(), ticket.number(), target);
                    BusinessCalendar calendar = calendars.of(policy.calendarId());
                    timer.start(policy, minutes, ticket.createdAt(), calendar);
                    if (target == SlaTarget.FIRST_RESPONSE && ticket.firstResponseAt() != null) {
                        timer.stop(ticket.firstResponseAt(), calendar);
                    }
                    byTarget.put(target, timers.save(timer));
                }
            }
        });
        return byTarget;
    }

    private static boolean startsAtArrival(SlaTarget target, TicketView ticket) {
        return target == SlaTarget.RESOLUTION
                || (target == SlaTarget.FIRST_RESPONSE && ticket.firstResponseAt() == null);
    }

    private static boolean answered(TicketView ticket, Map<SlaTarget, SlaTimer> timersOfTicket) {
        SlaTimer first = timersOfTicket.get(SlaTarget.FIRST_RESPONSE);
        return first == null ? ticket.firstResponseAt() != null : "stopped".equals(first.state());
    }

    private void stop(SlaTimer timer, Instant at, Calendars calendars) {
        if (timer != null) {
            timer.stop(at, calendars.of(timer.calendarId()));
        }
    }

    Optional<PolicyView> policy(TicketView ticket) {
        int rank = 0;
        if (policies.needsTier(ticket.gameId())) {
            // this change's own writes first: the player's tier is read from the database, which
            // would write them, and when another listener of the same ticket has just made its
            // timers, that failure would be forgiven below as the game's and leave the transaction
            // to roll back at commit (the event waiting a minute for its retry); here it is a
            // conflict, tried again at once on the fresh state (ConflictRetry)
            timers.flush();
            try {
                rank = profiles.tier(ticket.playerId()).rank();
            } catch (RuntimeException gameDown) {
                // the player's figures are unknown: the policies for any player apply
            }
        }
        return policies.match(ticket.gameId(), ticket.channel(), ticket.type(), ticket.priority(), rank);
    }

    /** The calendars used by one change, each read once. */
    final class Calendars {

        private final Map<UUID, BusinessCalendar> read = new HashMap<>();

        BusinessCalendar of(UUID calendarId) {
            return read.computeIfAbsent(calendarId, id -> {
                try {
                    return policies.calendar(id);
                } catch (RuntimeException deleted) {
                    return BusinessCalendar.alwaysOpen(java.time.ZoneOffset.UTC);
                }
            });
        }
    }

}

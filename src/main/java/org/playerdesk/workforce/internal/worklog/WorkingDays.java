package org.playerdesk.workforce.internal.worklog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.ticket.AgentWork;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * An agent's working day: its bounds in the agent's time zone (as routing keeps it for their
 * shifts) and what they did on it, read from the tickets.
 */
@Component
class WorkingDays {

    /** The most tickets one day's facts list. */
    static final int TICKETS_MAX = 500;
    static final String HOSTILE_TAG = "hostile";
    /** Where the agent's zone cannot be read (routing's own default applies otherwise). */
    private static final ZoneId FALLBACK = ZoneId.of("Asia/Shanghai");

    private final RoutingSetup routing;
    private final TicketQueries tickets;
    private final GameCatalog games;
    private final Clock clock;

    WorkingDays(RoutingSetup routing, TicketQueries tickets, GameCatalog games, Clock clock) {
        this.routing = routing;
        this.tickets = tickets;
        this.games = games;
        this.clock = clock;
    }

    ZoneId zoneOf(UUID staffId) {
        try {
            return ZoneId.of(routing.skills(staffId).timeZone());
        } catch (RuntimeException unreadable) {
            return FALLBACK;
        }
    }

    LocalDate today(UUID staffId) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(staffId));
    }

    Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** What the agent did on that day of theirs. */
    DayFacts facts(UUID staffId, LocalDate day) {
        ZoneId zone = zoneOf(staffId);
        List<AgentWork> work = tickets.workOf(staffId, start(day, zone), start(day.plusDays(1), zone), TICKETS_MAX);
        Map<UUID, String> names = new HashMap<>();
        List<WorkedTicket> worked = new ArrayList<>();
        int replies = 0;
        int resolved = 0;
        int escalated = 0;
        for (AgentWork w : work) {
            TicketView t = w.ticket();
            String game = names.computeIfAbsent(t.gameId(), id -> games.all(List.of(id)).stream().findFirst()
                    .map(GameInfo::name).orElse("—"));
            worked.add(new WorkedTicket(t.id(), t.number(), game, t.subject(), t.status(), w.replies(), w.assigned(),
                    w.resolved(), w.escalated(), notable(w)));
            replies += w.replies();
            resolved += w.resolved() ? 1 : 0;
            escalated += w.escalated() ? 1 : 0;
        }
        return new DayFacts(worked, replies, resolved, escalated);
    }

    /** Why a ticket is a notable case of the day: a hostile player, a VIP, a high priority, a missed target, an escalation. */
    private static List<String> notable(AgentWork work) {
        TicketView t = work.ticket();
        List<String> reasons = new ArrayList<>();
        if (t.tags().contains(HOSTILE_TAG)) {
            reasons.add("worklog.notable.hostile");
        }
        if (t.level() == SupportLevel.VIP) {
            reasons.add("worklog.notable.vip");
        }
        if (t.priority() == TicketPriority.HIGH || t.priority() == TicketPriority.URGENT) {
            reasons.add("worklog.notable.priority");
        }
        if (t.slaState() == SlaState.BREACHED) {
            reasons.add("worklog.notable.breached");
        }
        if (work.escalated()) {
            reasons.add("worklog.notable.escalated");
        }
        return List.copyOf(reasons);
    }
}

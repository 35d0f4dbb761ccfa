package org.playerdesk.routing;

import java.util.List;
import java.util.UUID;

import org.playerdesk.system.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates a ticket one level up its game's path (by default first line → second line →
 * supervisor), keeping its history and service-level clock.
 */
@Service
@Transactional
public class Escalations {

    static final List<SupportLevel> DEFAULT_PATH = List.of(SupportLevel.FIRST_LINE, SupportLevel.SECOND_LINE,
            SupportLevel.SUPERVISOR);

    private final TicketDesk desk;
    private final TicketQueries queries;

    Escalations(TicketDesk desk, TicketQueries queries) {
        this.desk = desk;
        this.queries = queries;
    }

    /** The levels of a game's escalation path, lowest first. */
    @Transactional(readOnly = true)
    public List<SupportLevel> pathOf(UUID gameId) {
        return DEFAULT_PATH;
    }

    /** Moves the ticket to the next level of its game's path; refused at the top of the path. */
    public TicketView escalate(UUID ticketId, String reason, Actor actor) {
        TicketView ticket = queries.head(ticketId);
        List<SupportLevel> path = pathOf(ticket.gameId());
        int at = path.indexOf(ticket.level());
        if (at + 1 >= path.size()) {
            throw new RuleViolation("ticket.escalate.top", "the ticket is already at the top of its escalation path",
                    ticket.level().code());
        }
        return desk.escalate(ticketId, path.get(at + 1), reason, actor);
    }
}

package org.playerdesk.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.internal.EscalationPath;
import org.playerdesk.routing.internal.EscalationPathRepository;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates a ticket one level up its game's path (by default first line → second line →
 * supervisor; an administrator may set another, e.g. first line → VIP → supervisor), keeping its
 * history and service-level clock; a supervisor may hand it back down one level. Routing then
 * gives the ticket to someone of the new level.
 */
@Service
@Transactional
public class Escalations {

    static final List<SupportLevel> DEFAULT_PATH = List.of(SupportLevel.FIRST_LINE, SupportLevel.SECOND_LINE,
            SupportLevel.SUPERVISOR);

    private final TicketDesk desk;
    private final TicketQueries queries;
    private final EscalationPathRepository paths;

    Escalations(TicketDesk desk, TicketQueries queries, EscalationPathRepository paths) {
        this.desk = desk;
        this.queries = queries;
        this.paths = paths;
    }

    /** The levels of a game's escalation path, lowest first. */
    @Transactional(readOnly = true)
    public List<SupportLevel> pathOf(UUID gameId) {
        return paths.findById(gameId).map(EscalationPath::levels).orElse(DEFAULT_PATH);
    }

    /**
     * Sets a game's path, written as level codes separated by commas or arrows: it starts at
     * first line (where every ticket starts), has two to four distinct levels. Administrators only.
     */
    public List<SupportLevel> changePath(UUID gameId, String levels, StaffMember by) {
        if (!by.can(Permission.MANAGE_GAMES)) {
            throw new AccessDeniedException("only administrators set escalation paths");
        }
        // the levels are one line of codes, each read and checked in turn: no shape to state as constraints
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<SupportLevel> path = new ArrayList<>();
        String text = levels == null ? "" : levels.strip().toLowerCase(Locale.ROOT);
        for (String code : text.split("\\s*(,|->|→)\\s*")) {
            if (code.isBlank()) {
                continue;
            }
            SupportLevel level = Codes.read("levels", code, SupportLevel.class, null, errors);
            if (level != null && path.contains(level)) {
                // the level by its name in the reader's language, resolved where the error is shown
                errors.add(new InvalidInput.FieldError("levels", "invalid.levels.twice",
                        new DefaultMessageSourceResolvable(new String[] {"ticket.level." + level.code()}, level.code())));
            } else if (level != null) {
                path.add(level);
            }
        }
        if (errors.isEmpty() && (path.size() < 2 || path.getFirst() != SupportLevel.FIRST_LINE)) {
            errors.add(new InvalidInput.FieldError("levels", "invalid.levels.start"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        EscalationPath stored = paths.findById(gameId).orElseGet(() -> new EscalationPath(gameId));
        stored.set(path);
        paths.save(stored);
        return path;
    }

    /** Moves the ticket to the next level of its game's path; refused at the top of the path. */
    public TicketView escalate(UUID ticketId, String reason, Actor actor) {
        TicketView ticket = queries.head(ticketId);
        List<SupportLevel> path = pathOf(ticket.gameId());
        int at = Math.max(path.indexOf(ticket.level()), 0);
        if (at + 1 >= path.size()) {
            throw new RuleViolation("ticket.escalate.top", "the ticket is already at the top of its escalation path",
                    ticket.level().code());
        }
        return desk.escalate(ticketId, path.get(at + 1), reason, actor);
    }

    /** A supervisor hands the ticket back down one level of its path, with the reason. */
    public TicketView handBack(UUID ticketId, String reason, StaffMember by) {
        if (!by.can(Permission.ASSIGN_OTHERS)) {
            throw new AccessDeniedException("only supervisors hand a ticket back");
        }
        TicketView ticket = queries.head(ticketId);
        List<SupportLevel> path = pathOf(ticket.gameId());
        int at = path.indexOf(ticket.level());
        if (at <= 0) {
            throw new RuleViolation("ticket.handback.bottom", "the ticket is already at the first level of its path",
                    ticket.level().code());
        }
        return desk.escalate(ticketId, path.get(at - 1), reason, Actor.agent(by.id(), by.displayName()));
    }
}

package org.playerdesk.incident.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.BroadcastView;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentStatus;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.incident.LinkedTicket;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incidents of the games one serves: the list with a form to open one, and the page of each
 * with its tickets (a page at a time: a storm links thousands), linking and unlinking, confirming
 * or dismissing a proposal, one reply for all, resolving all, and the progress of both. Seeing
 * takes VIEW_TICKETS, linking WORK_TICKETS; confirming, dismissing, the notice, replying to all
 * and resolving are for leads (ASSIGN_OTHERS). A refused command answers its page with 409 (a
 * rule) or 400 (bad input), saying why.
 */
@Controller
@PreAuthorize("hasAuthority('VIEW_TICKETS')")
class IncidentController {

    private final Incidents incidents;
    private final GameCatalog games;
    private final TicketQueries tickets;
    private final ConsoleProblems problems;

    IncidentController(Incidents incidents, GameCatalog games, TicketQueries tickets, ConsoleProblems problems) {
        this.incidents = incidents;
        this.games = games;
        this.tickets = tickets;
        this.problems = problems;
    }

    @GetMapping("/console/incidents")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffUser me, Model model) {
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s.code().equals(status)) {
                statuses.add(s);
            }
        }
        Slice<IncidentView> found = incidents.list(me.gameScope(), statuses, page);
        model.addAttribute("incidents", found.getContent());
        model.addAttribute("slice", found);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("games", served(me));
        model.addAttribute("gameNames", gameNames(me));
        return "incident/list";
    }

    @PostMapping("/console/incidents")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String open(@RequestParam(required = false) UUID game, IncidentForm form, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        if (game != null && !me.serves(game) && me.gameScope() != null) {
            throw InvalidInput.of("game", "invalid.game");
        }
        IncidentView opened = incidents.open(game, form.draft(), actor(me));
        redirect.addFlashAttribute("notice", "incident.notice.opened");
        return "redirect:/console/incidents/" + opened.id();
    }

    @GetMapping("/console/incidents/{id}")
    String page(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffUser me, Model model) {
        IncidentView incident = visible(id, me);
        List<LinkedTicket> linked = incidents.tickets(id, page);
        List<Row> rows = new ArrayList<>();
        for (LinkedTicket link : linked) {
            rows.add(new Row(link, tickets.head(link.ticketId())));
        }
        model.addAttribute("incident", incident);
        model.addAttribute("game", games.get(incident.gameId()));
        model.addAttribute("rows", rows);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("hasNext", incident.linked() + incident.proposed() > (long) (Math.max(page, 0) + 1)
                * Incidents.PAGE_SIZE);
        model.addAttribute("broadcasts", incidents.broadcasts(id));
        model.addAttribute("lead", me.can(Permission.ASSIGN_OTHERS));
        model.addAttribute("worker", me.can(Permission.WORK_TICKETS));
        return "incident/incident";
    }

    /** The progress of a reply to all (polled by the page while it runs). */
    @GetMapping("/console/incidents/{id}/broadcasts/{broadcast}")
    String progress(@PathVariable UUID id, @PathVariable UUID broadcast, @AuthenticationPrincipal StaffUser me,
            Model model) {
        visible(id, me);
        BroadcastView view = incidents.broadcast(broadcast);
        if (!view.incidentId().equals(id)) {
            throw new NotFoundException("broadcast", broadcast);
        }
        model.addAttribute("b", view);
        model.addAttribute("incidentId", id);
        return "incident/incident :: progress";
    }

    @PostMapping("/console/incidents/{id}")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String edit(@PathVariable UUID id, IncidentForm form, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        visible(id, me);
        incidents.edit(id, form.draft());
        return done(id, "incident.notice.saved", redirect);
    }

    @PostMapping("/console/incidents/{id}/confirm")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String confirm(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        visible(id, me);
        incidents.confirm(id);
        return done(id, "incident.notice.confirmed", redirect);
    }

    @PostMapping("/console/incidents/{id}/dismiss")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String dismiss(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        visible(id, me);
        incidents.dismiss(id);
        return done(id, "incident.notice.dismissed", redirect);
    }

    @PostMapping("/console/incidents/{id}/resolve")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String resolve(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean tickets,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        visible(id, me);
        incidents.resolve(id, tickets, actor(me));
        return done(id, tickets ? "incident.notice.resolvingAll" : "incident.notice.resolved", redirect);
    }

    @PostMapping("/console/incidents/{id}/reopen")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String reopen(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        visible(id, me);
        incidents.reopen(id);
        return done(id, "incident.notice.reopened", redirect);
    }

    @PostMapping("/console/incidents/{id}/replies")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String replyToAll(@PathVariable UUID id, @RequestParam(required = false) String message,
            @RequestParam(defaultValue = "false") boolean resolve, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        visible(id, me);
        incidents.replyToAll(id, message, resolve, actor(me));
        return done(id, "incident.notice.replying", redirect);
    }

    /** Links a ticket, given by id (from the ticket page) or by number (from the incident page). */
    @PostMapping("/console/incidents/{id}/tickets")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String link(@PathVariable UUID id, @RequestParam(required = false) UUID ticketId,
            @RequestParam(required = false) String number, @RequestParam(required = false) String back,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        IncidentView incident = visible(id, me);
        UUID ticket = ticketId != null ? ticketId : byNumber(incident.gameId(), number);
        incidents.link(id, ticket, actor(me));
        redirect.addFlashAttribute("notice", "incident.notice.linked");
        return "ticket".equals(back) ? "redirect:/console/tickets/" + ticket : "redirect:/console/incidents/" + id;
    }

    /** The ticket page's panel: the incident is chosen from a list. */
    @PostMapping("/console/incidents/link-from-ticket")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String linkFromTicket(@RequestParam(required = false) UUID incident, @RequestParam UUID ticketId,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        if (incident == null) {
            // nothing is chosen until the agent chooses: back to the ticket, saying what to do
            redirect.addFlashAttribute("problem",
                    problems.describe(InvalidInput.of("incident", "invalid.chooseIncident"), locale));
            return "redirect:/console/tickets/" + ticketId;
        }
        return link(incident, ticketId, null, "ticket", me, redirect);
    }

    @PostMapping("/console/incidents/{id}/tickets/{ticket}/unlink")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String unlink(@PathVariable UUID id, @PathVariable UUID ticket, @RequestParam(required = false) String back,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        visible(id, me);
        incidents.unlink(id, ticket);
        redirect.addFlashAttribute("notice", "incident.notice.unlinked");
        return "ticket".equals(back) ? "redirect:/console/tickets/" + ticket : "redirect:/console/incidents/" + id;
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView refused(RuleViolation refused, Locale locale) {
        return refusal(HttpStatus.CONFLICT, problems.describe(refused, locale));
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput invalid, Locale locale) {
        return refusal(HttpStatus.BAD_REQUEST, problems.describe(invalid, locale));
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    record Row(LinkedTicket link, TicketView ticket) {
    }

    /** The fields of an incident's form. */
    record IncidentForm(String title, String description, String servers, String noticeZh, String noticeEn) {

        IncidentDraft draft() {
            return new IncidentDraft(title, description, servers, noticeZh, noticeEn);
        }
    }

    private static ModelAndView refusal(HttpStatus status, String problem) {
        ModelAndView page = new ModelAndView("incident/refused", status);
        page.addObject("problem", problem);
        return page;
    }

    private String done(UUID id, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/console/incidents/" + id;
    }

    private IncidentView visible(UUID id, StaffUser me) {
        IncidentView incident = incidents.get(id);
        if (!me.serves(incident.gameId()) && me.gameScope() != null) {
            throw new NotFoundException("incident", id);
        }
        return incident;
    }

    private UUID byNumber(UUID gameId, String number) {
        long n;
        try {
            n = Long.parseLong(number == null ? "" : number.strip().replace("#", ""));
        } catch (NumberFormatException e) {
            throw InvalidInput.of("number", "invalid.ticketNumber");
        }
        List<TicketView> found = tickets.search(new TicketFilter(null, gameId, null, null, null, null, null, false, n,
                null, null, TicketFilter.Order.NEWEST), 0, 1).getContent();
        if (found.isEmpty()) {
            throw InvalidInput.of("number", "invalid.noTicket", String.valueOf(n));
        }
        return found.getFirst().id();
    }

    private List<GameInfo> served(StaffUser me) {
        return games.servedBy(me.gameScope());
    }

    private Map<UUID, String> gameNames(StaffUser me) {
        Map<UUID, String> names = new LinkedHashMap<>();
        served(me).forEach(g -> names.put(g.id(), g.name()));
        return names;
    }

    static Actor actor(StaffUser me) {
        return Actor.agent(me.id(), me.displayName());
    }
}

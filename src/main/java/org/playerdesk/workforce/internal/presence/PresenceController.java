package org.playerdesk.workforce.internal.presence;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.workforce.AgentPresence;
import org.playerdesk.workforce.PresenceState;
import org.playerdesk.workforce.Teams;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Presence in the console: the top bar's state selector of staff who work tickets (loaded, and
 * refreshed with each tab's sign of life every 30 s, by htmx), and the leads' presence board
 * ({@code /console/presence}), whose rows refresh themselves every few seconds.
 */
@Controller
@RequestMapping("/console/presence")
class PresenceController {

    /** The states an agent chooses from, in the order the selector lists them. */
    static final List<PresenceState> STATES = List.of(PresenceState.values());
    /** The states a lead may set for an agent. */
    static final List<PresenceState> LEAD_STATES = List.of(PresenceState.AWAY, PresenceState.OFFLINE);

    private final AgentPresence presence;
    private final PresenceBoard board;
    private final Teams teams;
    private final ConsoleProblems problems;

    PresenceController(AgentPresence presence, PresenceBoard board, Teams teams, ConsoleProblems problems) {
        this.presence = presence;
        this.board = board;
        this.teams = teams;
        this.problems = problems;
    }

    /** The top bar's selector; each open tab asks for it every 30 s, which is its sign of life. */
    @PostMapping("/heartbeat")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String heartbeat(@AuthenticationPrincipal StaffUser me, Model model) {
        presence.heartbeat(me.id());
        return bar(me, null, model);
    }

    /** The agent chooses a state in the top bar; a refusal shows in the selector, which keeps the state. */
    @PostMapping("/mine")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String choose(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) String state,
            Locale locale, Model model) {
        String problem = null;
        try {
            presence.choose(me.member(), Codes.require("state", state, PresenceState.class));
        } catch (InvalidInput | RuleViolation refused) {
            problem = problems.describe(refused, "presence.field.", locale);
        }
        return bar(me, problem, model);
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) UUID team, Model model) {
        model.addAttribute("teams", board.teamsOf(me.member()));
        model.addAttribute("team", team);
        model.addAttribute("leadStates", LEAD_STATES);
        return rows(me, team, model, "workforce/presence");
    }

    /** The board's rows alone, which the page asks for every few seconds. */
    @GetMapping("/rows")
    String rows(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) UUID team, Model model) {
        model.addAttribute("leadStates", LEAD_STATES);
        return rows(me, team, model, "workforce/presence :: rows");
    }

    /** A lead sets an agent they lead away or offline. */
    @PostMapping("/{staffId}/state")
    String setFor(@AuthenticationPrincipal StaffUser me, @PathVariable UUID staffId,
            @RequestParam(required = false) String state, @RequestParam(required = false) UUID team, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> presence.setFor(staffId, Codes.require("state", state, PresenceState.class),
                me.member()), "presence.board.set", "presence.field.", locale, redirect);
        return team == null ? "redirect:/console/presence" : "redirect:/console/presence?team=" + team;
    }

    /** A team one does not lead, or someone who does not exist, is the console's 404 page, as if it did not exist. */
    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    ModelAndView absent() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    private String rows(StaffUser me, UUID team, Model model, String view) {
        model.addAttribute("rows", board.rows(me.member(), team));
        model.addAttribute("team", team);
        return view;
    }

    private String bar(StaffUser me, String problem, Model model) {
        model.addAttribute("mine", presence.state(me.id()));
        model.addAttribute("states", STATES);
        model.addAttribute("problem", problem);
        // a team's lead who is no supervisor finds the board here (the menu shows it to supervisors)
        model.addAttribute("boardLink", !me.role().leads() && teams.leadsAnyone(me.member()));
        return "workforce/presence-bar :: bar";
    }
}

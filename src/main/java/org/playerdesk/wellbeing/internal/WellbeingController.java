package org.playerdesk.wellbeing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The wellbeing pages: the supervisors' board ({@code /console/wellbeing}), an agent's page
 * ({@code /console/wellbeing/agents/{id}}, for the agent and their supervisors; {@code /me} for
 * one's own), the break banner every console page asks for, taking and ending a break, and noting
 * a one-to-one talk. Who may see whom and the audit are {@link WellbeingPages}'.
 */
@Controller
@RequestMapping("/console/wellbeing")
class WellbeingController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HH_MM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** One agent as a page shows them, times in the agent's time zone. */
    record AgentRow(UUID id, String name, boolean rostered, String shiftFrom, String shiftTo, int contactsShift,
            int hostileShift, int contactsWeek, int hostileWeek, long stretchHours, long stretchMinutes,
            int breaksShift, int breaksWeek, int inARow, String onBreakUntil, boolean suggested, int breakMinutes,
            List<Rise> signals, boolean strained) {
    }

    /** A game to choose on the board. */
    record GameChoice(String code, String name) {
    }

    private final WellbeingPages pages;
    private final Exposures exposures;
    private final BreakDesk breaks;
    private final GameCatalog games;
    private final ErrorTexts problems;
    private final Clock clock;

    WellbeingController(WellbeingPages pages, Exposures exposures, BreakDesk breaks, GameCatalog games,
            ErrorTexts problems, Clock clock) {
        this.pages = pages;
        this.exposures = exposures;
        this.breaks = breaks;
        this.games = games;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String board(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = game == null || game.isBlank() ? null : served(game, me);
        List<AgentRow> rows = pages.board(me, chosen == null ? null : chosen.id()).stream()
                .map(figures -> row(figures.exposure(), figures.signals())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("game", chosen);
        model.addAttribute("games", games.servedBy(me.gameScope()).stream()
                .map(g -> new GameChoice(g.code(), g.name())).toList());
        return "wellbeing/board";
    }

    @GetMapping("/me")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String mine(@AuthenticationPrincipal StaffUser me, Model model) {
        return agent(me.id(), me, model);
    }

    @GetMapping("/agents/{id}")
    String agent(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        WellbeingPages.AgentPage page = pages.agent(me, id);
        model.addAttribute("agent", row(page.figures().exposure(), page.figures().signals()));
        model.addAttribute("talks", page.talks());
        model.addAttribute("own", page.own());
        if (page.own()) {
            // the page shows the break banner itself
            model.addAttribute("ownWellbeingPage", true);
            // a team's lead who is no supervisor finds the board of their team's agents here
            model.addAttribute("boardLink", !me.role().leads() && pages.supervisesAnyone(me));
        }
        model.addAttribute("supervisor", page.supervisor());
        return "wellbeing/agent";
    }

    @PostMapping("/agents/{id}/talks")
    String noteTalk(@PathVariable UUID id, @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String note, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, RedirectAttributes redirect) {
        try {
            pages.noteTalk(me, id, heldOn, note);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            model.addAttribute("heldOn", heldOn);
            model.addAttribute("note", note);
            return agent(id, me, model);
        }
        redirect.addFlashAttribute("notice", "wellbeing.talk.saved");
        return "redirect:/console/wellbeing/agents/" + id;
    }

    /** The banner of every console page: a break suggested, or the break under way (shows nothing else). */
    @GetMapping("/banner")
    String banner(@AuthenticationPrincipal StaffUser me, Model model) {
        // only the reader's own suggestion, no figures: not written to the audit log on every page
        model.addAttribute("agent", row(exposures.of(me.member(), clock.instant()), List.of()));
        return "wellbeing/banner :: banner";
    }

    @PostMapping("/me/break")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String takeBreak(@AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        breaks.take(me.member());
        redirect.addFlashAttribute("notice", "wellbeing.break.taken");
        return "redirect:/console/wellbeing/me";
    }

    @PostMapping("/me/break/end")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String endBreak(@AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", breaks.endEarly(me.member()) ? "wellbeing.break.ended"
                : "wellbeing.break.none");
        return "redirect:/console/wellbeing/me";
    }

    /** An agent one may not see, or a game one does not serve, is the console's 404 page, as if it did not exist. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView absent() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    private AgentRow row(AgentWellbeing w, List<Rise> signals) {
        ZoneId zone = w.zone();
        Instant now = clock.instant();
        Duration stretch = w.longestStretch();
        DateTimeFormatter shiftTimes = w.shift().rostered() ? HH_MM : DAY_HH_MM;
        return new AgentRow(w.agent().id(), w.agent().displayName(), w.shift().rostered(),
                shiftTimes.format(w.shift().start().atZone(zone)), shiftTimes.format(w.shift().end().atZone(zone)),
                w.contactsShift(), w.hostileShift(), w.contactsWeek(), w.hostileWeek(), stretch.toHours(),
                stretch.toMinutesPart(), w.breaksShift(), w.breaksWeek(), w.inARow(),
                w.onBreak() == null ? null : HH_MM.format(w.onBreak().endsAt().atZone(zone)), w.breakSuggested(),
                w.breakMinutes(), signals, signals.stream().anyMatch(Rise::raised));
    }

    private GameInfo served(String code, StaffUser me) {
        GameInfo game = games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
        if (!me.serves(game.id())) {
            throw new NotFoundException("game", code);
        }
        return game;
    }
}

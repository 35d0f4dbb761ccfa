package org.playerdesk.incident.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.Incidents;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators set each game's storm grouping: on or off, the window and the threshold. */
@Controller
@PreAuthorize("hasAuthority('MANAGE_GAMES')")
class GroupingSettingsController {

    private final Incidents incidents;
    private final GameCatalog games;
    private final ConsoleProblems problems;

    GroupingSettingsController(Incidents incidents, GameCatalog games, ConsoleProblems problems) {
        this.incidents = incidents;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping("/console/admin/incident-grouping")
    String settings(@RequestParam(required = false) UUID game, Model model) {
        List<GameInfo> all = games.all();
        GameInfo chosen = all.stream().filter(g -> g.id().equals(game)).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        model.addAttribute("games", all);
        model.addAttribute("game", chosen);
        model.addAttribute("settings", chosen == null ? null : incidents.grouping(chosen.id()));
        return "incident/grouping";
    }

    @PostMapping("/console/admin/incident-grouping")
    String save(@RequestParam UUID game, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String windowMinutes, @RequestParam(required = false) String threshold,
            RedirectAttributes redirect) {
        games.get(game);
        incidents.configureGrouping(game, enabled, windowMinutes, threshold);
        redirect.addFlashAttribute("notice", "incident.notice.groupingSaved");
        redirect.addAttribute("game", game);
        return "redirect:/console/admin/incident-grouping";
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput invalid, Locale locale) {
        ModelAndView page = new ModelAndView("incident/refused", HttpStatus.BAD_REQUEST);
        page.addObject("problem", problems.describe(invalid, locale));
        return page;
    }
}

package org.playerdesk.playbook.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.playbook.Playbooks;
import org.playerdesk.playbook.Playbooks.StepInput;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.ticket.TicketType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators edit a game's procedures: title, the ticket type it is suggested for, the notice, the steps. */
@Controller
@RequestMapping("/console/admin/playbooks")
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class PlaybookEditorController {

    private final Playbooks playbooks;
    private final GameCatalog games;
    private final ConsoleProblems problems;

    PlaybookEditorController(Playbooks playbooks, GameCatalog games, ConsoleProblems problems) {
        this.playbooks = playbooks;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID game, @AuthenticationPrincipal StaffUser me, Model model) {
        List<GameInfo> all = games.servedBy(me.gameScope());
        GameInfo chosen = all.stream().filter(g -> g.id().equals(game)).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        model.addAttribute("games", all);
        model.addAttribute("game", chosen);
        model.addAttribute("playbooks", chosen == null ? List.of() : playbooks.of(chosen.id()));
        return "playbook/list";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        PlaybookView playbook = playbooks.get(id);
        model.addAttribute("playbook", playbook);
        model.addAttribute("game", games.get(playbook.gameId()));
        model.addAttribute("types", TicketType.values());
        model.addAttribute("dataKinds", DataKind.values());
        model.addAttribute("actionKinds", ActionKind.values());
        return "playbook/edit";
    }

    @PostMapping("/{id}")
    String describe(@PathVariable UUID id, @RequestParam(defaultValue = "") String ticketType,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String notice,
            Locale locale, RedirectAttributes redirect) {
        return attempt(id, locale, redirect, () -> playbooks.describe(id, ticketType, title, notice));
    }

    @PostMapping("/{id}/steps")
    String add(@PathVariable UUID id, StepForm form, Locale locale, RedirectAttributes redirect) {
        return attempt(id, locale, redirect, () -> playbooks.addStep(id, form.input()));
    }

    @PostMapping("/{id}/steps/{stepId}")
    String change(@PathVariable UUID id, @PathVariable UUID stepId, StepForm form,
            @RequestParam(defaultValue = "save") String op, Locale locale, RedirectAttributes redirect) {
        return attempt(id, locale, redirect, () -> switch (op) {
            case "up" -> playbooks.moveStep(id, stepId, true);
            case "down" -> playbooks.moveStep(id, stepId, false);
            case "remove" -> playbooks.removeStep(id, stepId);
            default -> playbooks.changeStep(id, stepId, form.input());
        });
    }

    /** The fields of a step form, as typed. */
    record StepForm(String title, String instructions, String data, String action, String windowHours) {
        StepInput input() {
            return new StepInput(title, instructions, data, action, windowHours);
        }
    }

    private String attempt(UUID id, Locale locale, RedirectAttributes redirect, Supplier<?> action) {
        problems.attempt(action, "pb.notice.saved", locale, redirect);
        return "redirect:/console/admin/playbooks/" + id;
    }
}

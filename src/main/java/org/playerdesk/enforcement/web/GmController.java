package org.playerdesk.enforcement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.InGameNotices;
import org.playerdesk.enforcement.Penalty;
import org.playerdesk.enforcement.RungChoice;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.enforcement.ViolationTypeView.Rung;
import org.playerdesk.enforcement.ViolationView;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The GM view: record a violation from a patrol (or a cheat-report ticket) and apply the next
 * rung of its ladder (or the later step its severity starts at), look up a player's violations and
 * the accounts sharing their IP addresses or devices, and (administrators) edit the violation types,
 * their ladders and the steps at which each severity starts.
 */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class GmController {

    private static final int LADDER_MAX = 10;

    private final Enforcement enforcement;
    private final GameCatalog games;
    private final ConsoleProblems problems;
    private final InGameNotices notices;
    private final PersonalData personalData;

    GmController(Enforcement enforcement, GameCatalog games, ConsoleProblems problems, InGameNotices notices,
            PersonalData personalData) {
        this.notices = notices;
        this.personalData = personalData;
        this.enforcement = enforcement;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping("/console/gm")
    String gm(@RequestParam(required = false) UUID game, @RequestParam(required = false) String account,
            @RequestParam(required = false) String type, @AuthenticationPrincipal StaffUser me, Model model) {
        List<GameInfo> served = games.servedBy(me.gameScope());
        GameInfo chosen = served.stream().filter(g -> g.id().equals(game)).findFirst()
                .orElse(served.isEmpty() ? null : served.getFirst());
        model.addAttribute("games", served);
        model.addAttribute("game", chosen);
        List<ViolationView> recent = enforcement.recent(me.gameScope(), 50);
        model.addAttribute("recent", recent);
        java.util.Set<UUID> shown = new java.util.HashSet<>();
        recent.forEach(v -> shown.add(v.id()));
        List<ViolationTypeView> types = chosen == null ? List.of() : enforcement.types(chosen.id());
        model.addAttribute("types", types);
        editor(model, types.stream().filter(t -> t.code().equals(type)).findFirst().orElse(null));
        String lookup = account == null || account.isBlank() ? null : account.strip();
        model.addAttribute("account", lookup);
        if (chosen != null && lookup != null && lookup.length() <= 64) {
            List<ViolationView> history = enforcement.history(chosen.id(), lookup);
            model.addAttribute("history", history);
            history.forEach(v -> shown.add(v.id()));
            try {
                Map<String, List<LinkedAccount>> linked = new LinkedHashMap<>();
                enforcement.linkedAccounts(chosen.id(), lookup, me.member()).forEach((shared, accounts) ->
                        linked.put(shared, accounts.stream().map(a -> a.withIp(personalData::ip)).toList()));
                model.addAttribute("linked", linked);
            } catch (RuleViolation | GameBackendUnavailable | UnknownAccount e) {
                model.addAttribute("linked", Map.<String, List<LinkedAccount>>of());
                model.addAttribute("linkedProblem", true);
            }
        }
        model.addAttribute("notices", notices.forViolations(shown));
        return "enforcement/gm";
    }

    @PostMapping("/console/gm/violations")
    String record(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String note, @RequestParam(required = false) UUID ticketId,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        String back = ticketId != null ? "redirect:/console/tickets/" + ticketId
                : "redirect:" + UriComponentsBuilder.fromPath("/console/gm").queryParam("game", game)
                        .queryParam("account", account.strip()).encode().toUriString();
        if (game == null) {
            redirect.addFlashAttribute("problem", problems.describe(InvalidInput.of("game", "invalid.required"), locale));
            return back;
        }
        ViolationView recorded = problems.attempt(() -> enforcement.record(game, account, type, severity, ticketId,
                note, me.member()), "gm.notice.violation.warning", "gm.field.", locale, redirect);
        if (recorded != null) {
            redirect.addFlashAttribute("notice", "gm.notice.violation." + recorded.penalty().code());
        }
        return back;
    }

    /**
     * The violation-type editor: a type's ladders are chosen rung by rung (a penalty, and days for a
     * ban), each rung's penalty and days sent as the same position of two lists.
     */
    @PostMapping("/console/gm/types")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String define(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> ladderPenalty,
            @RequestParam(required = false) List<String> ladderDays,
            @RequestParam(required = false) List<String> partnerPenalty,
            @RequestParam(required = false) List<String> partnerDays,
            @RequestParam(defaultValue = "") String minorStart, @RequestParam(defaultValue = "") String normalStart,
            @RequestParam(defaultValue = "") String severeStart, Locale locale, RedirectAttributes redirect) {
        redirect.addAttribute("game", game);
        ViolationTypeView saved = problems.attempt(() -> {
            if (game == null) {
                throw InvalidInput.of("game", "invalid.required");
            }
            return enforcement.define(game, code, name, rungs(ladderPenalty, ladderDays),
                    rungs(partnerPenalty, partnerDays), minorStart, normalStart, severeStart);
        }, "gm.notice.typeSaved", "gm.field.", locale, redirect);
        if (saved == null && game != null && !code.isBlank()) {
            // refused: the editor stays open on the type when it exists
            redirect.addAttribute("type", code.strip());
        }
        return "redirect:/console/gm";
    }

    /** The editor's rows: each ladder's rungs and a few empty rows to add rungs with, up to ten. */
    private static void editor(Model model, ViolationTypeView editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("penalties", Penalty.values());
        model.addAttribute("ladderRows", rows(editing == null ? List.of() : editing.ladder(), 4));
        model.addAttribute("partnerRows", rows(editing == null ? List.of() : editing.partnerLadder(), 2));
    }

    private static List<Rung> rows(List<Rung> rungs, int atLeast) {
        List<Rung> rows = new java.util.ArrayList<>(rungs);
        int size = Math.min(LADDER_MAX, Math.max(atLeast, rungs.size() + 2));
        while (rows.size() < size) {
            rows.add(new Rung(null, null));
        }
        return rows;
    }

    private static List<RungChoice> rungs(List<String> penalties, List<String> days) {
        List<RungChoice> choices = new java.util.ArrayList<>();
        for (int i = 0; penalties != null && i < penalties.size(); i++) {
            choices.add(new RungChoice(penalties.get(i), days != null && i < days.size() ? days.get(i) : ""));
        }
        return choices;
    }
}

package org.playerdesk.vip.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.vip.VipService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The VIP desk: follow-ups due this week, valuable players gone quiet, the roster with each
 * player's manager and private entry link, and recording a follow-up visit.
 */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class VipController {

    static final Duration WORKLIST_AHEAD = Duration.ofDays(7);

    private final VipService vip;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final ConsoleProblems problems;
    private final java.time.Clock clock;

    VipController(VipService vip, GameCatalog games, StaffDirectory staff, ConsoleProblems problems,
            java.time.Clock clock) {
        this.vip = vip;
        this.games = games;
        this.staff = staff;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/console/vip")
    String desk(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "0") int inactivePage,
            @AuthenticationPrincipal StaffUser me, Model model) {
        List<GameInfo> served = games.servedBy(me.gameScope());
        GameInfo chosen = served.stream().filter(g -> g.id().equals(game)).findFirst()
                .orElse(served.isEmpty() ? null : served.getFirst());
        model.addAttribute("games", served);
        model.addAttribute("game", chosen);
        model.addAttribute("due", vip.dueFollowUps(me.gameScope(), clock.instant().plus(WORKLIST_AHEAD)));
        model.addAttribute("roster", chosen == null ? List.of() : vip.roster(chosen.id()));
        VipService.InactivePage inactive = chosen == null ? null : vip.inactiveValuable(chosen.id(), inactivePage);
        model.addAttribute("inactive", inactive == null ? List.of() : inactive.players());
        model.addAttribute("inactivePage", inactive);
        model.addAttribute("staff", chosen == null ? List.of() : staff.servingGame(chosen.id()));
        model.addAttribute("staffNames", staff.all().stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.id(), m -> m.displayName())));
        return "vip/desk";
    }

    @PostMapping("/console/vip/players")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String assign(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "") String account,
            @RequestParam(required = false) String manager, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        redirect.addAttribute("game", game);
        return attempt(locale, redirect, "vip.notice.assigned", () -> {
            if (game == null) {
                throw InvalidInput.of("game", "invalid.required");
            }
            return vip.assignManager(game, account, uuid(manager), me.member());
        });
    }

    @PostMapping("/console/vip/players/{id}/entry-link")
    String entryLink(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        var player = vip.get(id);
        String token = vip.newEntryToken(id, me.member());
        redirect.addAttribute("game", player.gameId());
        redirect.addFlashAttribute("entryLink", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/help/{game}/vip/{token}").buildAndExpand(games.get(player.gameId()).code(), token).toUriString());
        redirect.addFlashAttribute("entryLinkFor", player.accountId());
        return "redirect:/console/vip";
    }

    @PostMapping("/console/vip/players/{id}/follow-ups")
    String followUp(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(required = false) String satisfaction, @RequestParam(defaultValue = "") String notes,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        redirect.addAttribute("game", vip.get(id).gameId());
        return attempt(locale, redirect, "vip.notice.followedUp",
                () -> vip.recordFollowUp(id, outcome, score(satisfaction), notes, me.member()));
    }

    private String attempt(Locale locale, RedirectAttributes redirect, String notice, Supplier<?> action) {
        problems.attempt(action, notice, locale, redirect);
        return "redirect:/console/vip";
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("manager", "invalid.staff.any");
        }
    }

    private static Integer score(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("satisfaction", "invalid.range", 1, 5);
        }
    }
}

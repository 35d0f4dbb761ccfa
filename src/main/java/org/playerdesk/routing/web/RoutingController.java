package org.playerdesk.routing.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.routing.AgentSkill;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.Escalations;
import org.playerdesk.routing.QueueRules;
import org.playerdesk.routing.QueueView;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.routing.RoutingStrategy;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing pages for leads: a game's queues in order with their rules, strategy and members
 * (a list, each queue opened in an editor of its own), the game's escalation path chosen level by
 * level (administrators), and the agents' skills, capacity and shifts. Without a game (a fresh
 * installation) the pages say so.
 */
@Controller
@PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
class RoutingController {

    private final RoutingSetup setup;
    private final Escalations escalations;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final PlayerProfiles profiles;
    private final ConsoleProblems problems;

    RoutingController(RoutingSetup setup, Escalations escalations, GameCatalog games, StaffDirectory staff,
            PlayerProfiles profiles, ConsoleProblems problems) {
        this.setup = setup;
        this.escalations = escalations;
        this.games = games;
        this.staff = staff;
        this.profiles = profiles;
        this.problems = problems;
    }

    /** The game's queues as a list, each opened in its own editor, and the escalation path. */
    @GetMapping("/console/routing")
    String queues(@RequestParam(required = false) UUID game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = choose(game, me, model);
        List<SupportLevel> path = chosen == null ? List.of() : escalations.pathOf(chosen.id());
        model.addAttribute("queues", chosen == null ? List.of() : setup.queues(chosen.id()));
        model.addAttribute("path", path);
        model.addAttribute("pathLevels", Arrays.stream(SupportLevel.values())
                .filter(l -> l != SupportLevel.FIRST_LINE).toList());
        model.addAttribute("pathSteps", SupportLevel.values().length - 1);
        model.addAttribute("mayEditPath", me.can(Permission.MANAGE_GAMES));
        return "routing/queues";
    }

    @GetMapping("/console/routing/queues/new")
    String newQueue(@RequestParam(required = false) UUID game, @AuthenticationPrincipal StaffUser me, Model model) {
        return editor(game, null, me, model);
    }

    @GetMapping("/console/routing/queues/{id}")
    String queue(@PathVariable UUID id, @RequestParam(required = false) UUID game,
            @AuthenticationPrincipal StaffUser me, Model model) {
        return editor(game, id, me, model);
    }

    private String editor(UUID game, UUID id, StaffUser me, Model model) {
        GameInfo chosen = choose(game, me, model);
        if (chosen == null) {
            return "redirect:/console/routing";
        }
        List<QueueView> queues = setup.queues(chosen.id());
        QueueView queue = id == null ? null : queues.stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("queue", id));
        model.addAttribute("q", queue);
        model.addAttribute("queueCount", queues.size());
        model.addAttribute("staff", staff.servingGame(chosen.id()).stream()
                .filter(m -> !m.role().seesAllGames()).toList());
        model.addAttribute("strategies", RoutingStrategy.values());
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("levels", SupportLevel.values());
        model.addAttribute("tiers", AgentTier.values());
        model.addAttribute("vipTiers", profiles.tierCodes());
        return "routing/queue";
    }

    /** Saves a queue; back to the list when saved, to the queue's editor with what is wrong when refused. */
    @PostMapping("/console/routing/queues")
    String defineQueue(@RequestParam UUID game, @RequestParam(required = false) UUID id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String position,
            @RequestParam(defaultValue = "") String strategy, @RequestParam(defaultValue = "false") boolean vipFirst,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String vipTier,
            @RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String requiredTier,
            @RequestParam(required = false) List<String> members, @AuthenticationPrincipal StaffUser me,
            Locale locale, RedirectAttributes redirect) {
        redirect.addAttribute("game", game);
        QueueView saved = problems.attempt(() -> setup.defineQueue(game, id, new QueueRules(name,
                number("position", position), strategy, vipFirst, channel, type, language, vipTier, level,
                requiredTier, ids(members)), me.member()), "routing.notice.queueSaved", "routing.field.", locale,
                redirect);
        if (saved != null) {
            return "redirect:/console/routing";
        }
        return id == null ? "redirect:/console/routing/queues/new" : "redirect:/console/routing/queues/" + id;
    }

    @PostMapping("/console/routing/queues/{id}/delete")
    String removeQueue(@PathVariable UUID id, @RequestParam UUID game, @AuthenticationPrincipal StaffUser me,
            Locale locale, RedirectAttributes redirect) {
        redirect.addAttribute("game", game);
        return attempt(locale, redirect, "routing.notice.queueRemoved", "redirect:/console/routing", () -> {
            setup.removeQueue(game, id, me.member());
            return id;
        });
    }

    @PostMapping("/console/routing/path")
    @PreAuthorize("hasAuthority('MANAGE_GAMES')")
    String changePath(@RequestParam UUID game, @RequestParam(defaultValue = "") String levels,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        redirect.addAttribute("game", game);
        return attempt(locale, redirect, "routing.notice.pathSaved", "redirect:/console/routing",
                () -> escalations.changePath(game, levels, me.member()));
    }

    @GetMapping("/console/routing/agents")
    String agents(@RequestParam(required = false) UUID game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = choose(game, me, model);
        model.addAttribute("agents", chosen == null ? List.of() : setup.agents(chosen.id(), me.member()));
        model.addAttribute("tiers", AgentTier.values());
        model.addAttribute("skillChoices", AgentSkill.values());
        return "routing/agents";
    }

    @PostMapping("/console/routing/agents/{staffId}")
    String changeAgent(@PathVariable UUID staffId, @RequestParam UUID game,
            @RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String capacity, @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "") String weeklyShifts, @RequestParam(defaultValue = "") String exceptions,
            @RequestParam(defaultValue = "") List<String> skills, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        redirect.addAttribute("game", game);
        if (!me.serves(game) || !staff.get(staffId).serves(game)) {
            throw new AccessDeniedException("not an agent of a game you serve");
        }
        return attempt(locale, redirect, "routing.notice.agentSaved", "redirect:/console/routing/agents",
                () -> {
                    setup.changeSkills(staffId, tier, languages, number("capacity", capacity), timeZone, weeklyShifts,
                            exceptions, me.member());
                    // a code that is no skill (an old form) is left out
                    Set<AgentSkill> chosen = EnumSet.noneOf(AgentSkill.class);
                    for (AgentSkill skill : AgentSkill.values()) {
                        if (skills.contains(skill.code())) {
                            chosen.add(skill);
                        }
                    }
                    return setup.changeAgentSkills(staffId, chosen, me.member());
                });
    }

    private GameInfo choose(UUID game, StaffUser me, Model model) {
        List<GameInfo> served = games.servedBy(me.gameScope());
        GameInfo chosen = served.stream().filter(g -> g.id().equals(game)).findFirst()
                .orElse(served.isEmpty() ? null : served.getFirst());
        model.addAttribute("games", served);
        model.addAttribute("game", chosen);
        return chosen;
    }

    private String attempt(Locale locale, RedirectAttributes redirect, String notice, String target,
            Supplier<?> action) {
        problems.attempt(action, notice, "routing.field.", locale, redirect);
        return target;
    }

    static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "invalid.wholeNumber");
        }
    }

    private static Set<UUID> ids(List<String> members) {
        if (members == null) {
            return Set.of();
        }
        try {
            return members.stream().filter(m -> !m.isBlank()).map(m -> UUID.fromString(m.strip()))
                    .collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("members", "invalid.staff");
        }
    }
}

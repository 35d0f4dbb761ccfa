package org.playerdesk.access.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameConnectors;
import org.playerdesk.game.GameProfile;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Games administration (MANAGE_GAMES): register a game, change it, archive it, and for each game
 * a checklist of what it still lacks before it can take players' tickets, with the pages that
 * set each thing (API keys, connector, live chat, queues, service levels, replies).
 */
@Controller
@RequestMapping("/console/admin/games")
class GamesAdminController {

    /** What the register and edit forms send. */
    record GameForm(String code, String name, String defaultLocale, String timeZone, String businessHours,
            List<String> channels) {

        static GameForm blank() {
            return new GameForm("", "", "zh-CN", "Asia/Shanghai", "always", List.of("in_game", "web", "chat", "email"));
        }

        static GameForm of(GameProfile game) {
            return new GameForm(game.code(), game.name(), game.defaultLocale(), game.timeZone(), game.businessHours(),
                    game.channels());
        }

        public boolean offers(String channel) {
            return channels != null && channels.contains(channel);
        }
    }

    /** One line of a game's checklist: whether it is done, whether it is needed to take tickets, where to do it. */
    record Step(String key, boolean done, boolean required, String href) {
    }

    private final GameCatalog games;
    private final GameConnectors connectors;
    private final ApiKeys keys;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final AdminErrors errors;

    GamesAdminController(GameCatalog games, GameConnectors connectors, ApiKeys keys, StaffDirectory staff,
            AuditLog audit, AdminErrors errors) {
        this.games = games;
        this.connectors = connectors;
        this.keys = keys;
        this.staff = staff;
        this.audit = audit;
        this.errors = errors;
    }

    private static void requireAdmin(StaffUser me) {
        if (!me.can(Permission.MANAGE_GAMES)) {
            throw new AccessDeniedException("may not configure games");
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        requireAdmin(me);
        List<GameProfile> all = games.profiles();
        Map<UUID, List<Step>> checklists = new LinkedHashMap<>();
        Map<UUID, Boolean> ready = new LinkedHashMap<>();
        for (GameProfile game : all) {
            List<Step> steps = checklist(game);
            checklists.put(game.id(), steps);
            ready.put(game.id(), steps.stream().allMatch(s -> s.done() || !s.required()));
        }
        model.addAttribute("games", all);
        model.addAttribute("checklists", checklists);
        model.addAttribute("ready", ready);
        model.addAttribute("settings", all.stream().collect(java.util.stream.Collectors.toMap(GameProfile::id,
                g -> connectors.settings(g.id()))));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", GameForm.blank());
        }
        model.addAttribute("channels", GameProfile.CHANNELS);
        model.addAttribute("calendars", GameProfile.BUSINESS_HOURS);
        return "game/games";
    }

    private List<Step> checklist(GameProfile game) {
        String id = game.id().toString();
        boolean key = keys.ofGame(game.id()).stream().anyMatch(k -> k.active());
        boolean people = staff.servingGame(game.id()).stream().anyMatch(m -> !m.role().seesAllGames());
        boolean connector = connectors.settings(game.id()).kind() != ConnectorKind.NONE;
        List<Step> steps = new java.util.ArrayList<>(List.of(
                new Step("apiKey", key, true, "/console/admin/api-keys?game=" + id),
                new Step("staff", people, true, "/console/admin/staff"),
                new Step("connector", connector, false, "/console/admin/games/" + id)));
        if (game.offers("chat")) {
            steps.add(new Step("chat", false, false, "/console/chat/settings/" + id));
        }
        if (game.offers("email")) {
            steps.add(new Step("email", false, false, "/console/admin/mailboxes?game=" + game.code()));
        }
        steps.add(new Step("queues", false, false, "/console/routing?game=" + id));
        steps.add(new Step("sla", false, false, "/console/sla?game=" + game.code()));
        steps.add(new Step("replies", false, false, "/console/knowledge/replies?game=" + game.code()));
        return steps;
    }

    @PostMapping
    String register(GameForm form, @AuthenticationPrincipal StaffUser me, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireAdmin(me);
        try {
            GameProfile game = games.register(form.code() == null ? null : form.code().strip(), form.name(),
                    form.defaultLocale(), form.timeZone(), form.businessHours(), form.channels());
            audit.record(me.member(), game.id(), "game.register", "game", game.id().toString(),
                    describe(game));
            redirect.addFlashAttribute("notice", "games.notice.registered");
            return "redirect:/console/admin/games#game-" + game.code();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("game", invalid, locale));
            model.addAttribute("form", form);
            return list(me, model);
        }
    }

    @GetMapping("/{id}/profile")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        requireAdmin(me);
        GameProfile game = games.profile(id);
        model.addAttribute("game", game);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", GameForm.of(game));
        }
        model.addAttribute("channels", GameProfile.CHANNELS);
        model.addAttribute("calendars", GameProfile.BUSINESS_HOURS);
        return "game/profile";
    }

    @PostMapping("/{id}/profile")
    String change(@PathVariable UUID id, GameForm form, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireAdmin(me);
        try {
            GameProfile game = games.change(id, form.name(), form.defaultLocale(), form.timeZone(),
                    form.businessHours(), form.channels());
            audit.record(me.member(), id, "game.change", "game", id.toString(), describe(game));
            redirect.addFlashAttribute("notice", "games.notice.changed");
            return "redirect:/console/admin/games#game-" + game.code();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("game", invalid, locale));
            model.addAttribute("form", new GameForm(games.profile(id).code(), form.name(), form.defaultLocale(),
                    form.timeZone(), form.businessHours(), form.channels()));
            return edit(id, me, model);
        }
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean archived,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        requireAdmin(me);
        GameProfile game = archived ? games.archive(id) : games.restore(id);
        audit.record(me.member(), id, archived ? "game.archive" : "game.restore", "game", id.toString(),
                game.code() + (archived ? " archived: its API keys stop working" : " taken out of the archive"));
        redirect.addFlashAttribute("notice", archived ? "games.notice.archived" : "games.notice.restored");
        return "redirect:/console/admin/games#game-" + game.code();
    }

    private static String describe(GameProfile game) {
        return game.code() + ": " + game.name() + ", " + game.defaultLocale() + ", " + game.timeZone() + ", "
                + game.businessHours() + ", channels " + String.join(",", game.channels());
    }
}

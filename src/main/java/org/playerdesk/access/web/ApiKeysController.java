package org.playerdesk.access.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.IssuedApiKey;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.HttpStatus;
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
 * Game API keys (MANAGE_API_KEYS, see the security configuration). A new key's secret travels
 * once, as a flash attribute, to the page that shows it: reloading that page cannot show it
 * again.
 */
@Controller
@RequestMapping("/console/admin/api-keys")
class ApiKeysController {

    private final ApiKeys keys;
    private final GameCatalog games;
    private final AdminErrors errors;

    ApiKeysController(ApiKeys keys, GameCatalog games, AdminErrors errors) {
        this.keys = keys;
        this.games = games;
        this.errors = errors;
    }

    /** The keys; {@code game} preselects the game of a new key (the games checklist links here so). */
    @GetMapping
    String list(@RequestParam(required = false) String game, Model model) {
        List<GameInfo> all = games.all();
        model.addAttribute("keys", keys.all());
        // archived games get no new keys
        model.addAttribute("games", games.profiles().stream().filter(g -> !g.archived())
                .map(org.playerdesk.game.GameProfile::info).toList());
        if (game != null && !model.containsAttribute("formGameId")) {
            model.addAttribute("formGameId", game);
        }
        model.addAttribute("gameNames", all.stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name)));
        return "access/api-keys";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String gameId, @RequestParam(defaultValue = "") String name,
            Principal me, Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<UUID, GameInfo> known = games.profiles().stream().filter(g -> !g.archived())
                .map(org.playerdesk.game.GameProfile::info).collect(Collectors.toMap(GameInfo::id, Function.identity()));
        UUID game = known.keySet().stream().filter(id -> id.toString().equals(gameId.strip())).findFirst()
                .orElse(null);
        try {
            IssuedApiKey issued = keys.create(game, name, me.getName());
            redirect.addFlashAttribute("issued", issued);
            redirect.addFlashAttribute("issuedGame", known.get(game).name());
            return "redirect:/console/admin/api-keys/issued";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("apiKey", invalid, locale));
            model.addAttribute("formGameId", gameId);
            model.addAttribute("formName", name);
            return list(null, model);
        }
    }

    @GetMapping("/issued")
    String issued(Model model) {
        if (!model.containsAttribute("issued")) {
            return "redirect:/console/admin/api-keys";
        }
        return "access/api-key-issued";
    }

    /** Revoking stops a game server at once, so it is asked for twice: this page, then the POST. */
    @GetMapping("/{id}/revoke")
    String confirmRevoke(@PathVariable UUID id, Model model) {
        IssuedApiKey key = keys.all().stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new org.playerdesk.system.errors.NotFoundException("api key", id));
        model.addAttribute("key", key);
        model.addAttribute("gameName", games.get(key.gameId()).name());
        return "access/api-key-revoke";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("notice", "apiKey.notice.revoked");
        return "redirect:/console/admin/api-keys";
    }
}

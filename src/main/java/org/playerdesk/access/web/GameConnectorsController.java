package org.playerdesk.access.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameConnectors;
import org.playerdesk.game.GameInfo;
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

/**
 * The administrators' page of a game's connector (MANAGE_GAMES): kind, base URL, secret and
 * timeouts, and a "test connection" button. The secret is write-only: the page only says whether
 * one is stored.
 */
@Controller
@RequestMapping("/console/admin/games")
class GameConnectorsController {

    private final GameCatalog games;
    private final GameConnectors connectors;
    private final AuditLog audit;
    private final AdminErrors adminErrors;

    GameConnectorsController(GameCatalog games, GameConnectors connectors, AuditLog audit, AdminErrors adminErrors) {
        this.games = games;
        this.connectors = connectors;
        this.audit = audit;
        this.adminErrors = adminErrors;
    }

    private static void requireAdmin(StaffUser me) {
        if (!me.can(Permission.MANAGE_GAMES)) {
            throw new AccessDeniedException("may not configure games");
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        requireAdmin(me);
        model.addAttribute("game", games.get(id));
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", connectors.settings(id));
        }
        return "game/connector";
    }

    @PostMapping("/{id}")
    String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String baseUrl, @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "") String connectTimeoutMs, @RequestParam(defaultValue = "") String readTimeoutMs,
            @AuthenticationPrincipal StaffUser me, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        requireAdmin(me);
        GameInfo game = games.get(id);
        ConnectorKind chosen = java.util.Arrays.stream(ConnectorKind.values()).filter(k -> k.code().equals(kind))
                .findFirst().orElse(null);
        try {
            Integer connect = millis("connectTimeoutMs", connectTimeoutMs);
            Integer read = millis("readTimeoutMs", readTimeoutMs);
            connectors.configure(id, chosen, baseUrl, secret, connect, read, me.getUsername());
            audit.record(me.member(), id, "game.connector", "game", id.toString(),
                    "connector set to " + kind + (baseUrl.isBlank() ? "" : " at " + baseUrl)
                            + (secret.isBlank() ? "" : ", secret replaced"));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/admin/games/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", adminErrors.texts("connector", invalid, locale));
            model.addAttribute("game", game);
            model.addAttribute("form", Map.of("kind", kind, "baseUrl", baseUrl, "connectTimeoutMs", connectTimeoutMs,
                    "readTimeoutMs", readTimeoutMs));
            model.addAttribute("settings", connectors.settings(id));
            return "game/connector";
        }
    }

    private static Integer millis(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "invalid.wholeNumber");
        }
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        requireAdmin(me);
        games.get(id);
        redirect.addFlashAttribute("test", connectors.test(id));
        return "redirect:/console/admin/games/" + id;
    }
}

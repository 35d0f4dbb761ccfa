package org.playerdesk.chat.web;

import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A game's chat settings, for admins: the identity secret (stored, never shown again, never
 * logged), guests, service hours and the longest wait before a chat becomes a ticket.
 */
@Controller
@RequestMapping("/console/chat/settings")
class ChatSettingsController {

    private final ChatRulebook rulebook;
    private final GameCatalog games;
    private final ErrorTexts errorTexts;

    ChatSettingsController(ChatRulebook rulebook, GameCatalog games, ErrorTexts errorTexts) {
        this.rulebook = rulebook;
        this.errorTexts = errorTexts;
        this.games = games;
    }

    @GetMapping("/{game}")
    String form(@AuthenticationPrincipal StaffUser me, @PathVariable UUID game, Model model) {
        mayConfigure(me);
        model.addAttribute("game", games.get(game));
        model.addAttribute("rules", rulebook.rules(game));
        return "chat/settings";
    }

    @PostMapping("/{game}")
    String save(@AuthenticationPrincipal StaffUser me, @PathVariable UUID game,
            @RequestParam(required = false) String secret, @RequestParam(defaultValue = "false") boolean guests,
            @RequestParam(required = false) String hoursFrom, @RequestParam(required = false) String hoursTo,
            @RequestParam(required = false) String timeZone, @RequestParam(required = false) Integer maxWaitSeconds,
            @RequestParam(defaultValue = "") String closedDays, Model model, Locale locale,
            RedirectAttributes redirect) {
        mayConfigure(me);
        try {
            rulebook.configure(game, blankToNull(secret), guests, blankToNull(hoursFrom), blankToNull(hoursTo), timeZone,
                    maxWaitSeconds, closedDays);
        } catch (InvalidInput e) {
            model.addAttribute("game", games.get(game));
            model.addAttribute("rules", rulebook.rules(game));
            model.addAttribute("errors", errorTexts.fieldTexts(e, "chat.field.", locale));
            return "chat/settings";
        }
        redirect.addFlashAttribute("notice", "chat.settings.saved");
        return "redirect:/console/chat/settings/" + game;
    }

    private static void mayConfigure(StaffUser me) {
        if (!me.can(Permission.MANAGE_API_KEYS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

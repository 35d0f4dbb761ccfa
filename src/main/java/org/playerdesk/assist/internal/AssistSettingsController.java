package org.playerdesk.assist.internal;

import java.util.Locale;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A game's bot and classification thresholds; administrators change them. */
@Controller
@RequestMapping("/console/assist")
class AssistSettingsController {

    private final GameCatalog games;
    private final AssistSettings settings;
    private final TicketClassifier classifier;
    private final MessageSource messages;

    AssistSettingsController(GameCatalog games, AssistSettings settings, TicketClassifier classifier,
            MessageSource messages) {
        this.games = games;
        this.settings = settings;
        this.classifier = classifier;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo info = served(game, me);
        model.addAttribute("game", info);
        model.addAttribute("setting", settings.of(info.id()));
        model.addAttribute("modelSize", classifier.modelSize(info.id()));
        model.addAttribute("isAdmin", me.can(Permission.MANAGE_STAFF));
        return "assist/settings";
    }

    @PostMapping
    String change(@RequestParam String game, @RequestParam(required = false) String botThreshold,
            @RequestParam(required = false) String applyThreshold, @RequestParam(required = false) String chatBot,
            @AuthenticationPrincipal StaffUser me,
            Locale locale, RedirectAttributes redirect) {
        GameInfo info = served(game, me);
        if (!me.can(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("thresholds are set by administrators");
        }
        try {
            // a form without the field (an older page) keeps the setting as it is
            settings.change(info.id(), botThreshold, applyThreshold, chatBot == null ? null : "on".equals(chatBot));
            redirect.addFlashAttribute("notice", "assist.settings.saved");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", messages.getMessage("assist.settings.invalid", null, locale));
        }
        return "redirect:/console/assist?game=" + info.code();
    }

    private GameInfo served(String code, StaffUser me) {
        GameInfo game = games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
        if (me.gameScope() != null && !me.serves(game.id())) {
            throw new NotFoundException("game", code);
        }
        return game;
    }
}

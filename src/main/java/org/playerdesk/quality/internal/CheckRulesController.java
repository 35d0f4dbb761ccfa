package org.playerdesk.quality.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Severity;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply checks of a game, for administrators ({@code /console/quality/checks}): each check
 * with what it does to a reply (off, warn, block). A game one does not serve is answered as absent.
 */
@Controller
@RequestMapping("/console/quality/checks")
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class CheckRulesController {

    /** One check as the page shows it: its code (for the field's name) and its severity. */
    record CheckRow(String code, String severity) {
    }

    /** A game to choose. */
    record GameChoice(String code, String name) {
    }

    private final GameCatalog games;
    private final CheckSeverities severities;
    private final ErrorTexts problems;

    CheckRulesController(GameCatalog games, CheckSeverities severities, ErrorTexts problems) {
        this.games = games;
        this.severities = severities;
        this.problems = problems;
    }

    @GetMapping
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = chosen(game, me);
        model.addAttribute("games", served(me).stream().map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("game", chosen);
        if (!model.containsAttribute("rows")) {
            CheckRules rules = severities.rules(chosen.id());
            model.addAttribute("rows", rows(check -> rules.severity(check).code()));
        }
        model.addAttribute("choices", List.of(Severity.values()));
        return "quality/checks";
    }

    @PostMapping
    String save(@RequestParam String game, @RequestParam Map<String, String> form, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect) {
        GameInfo chosen = chosen(game, me);
        Map<ReplyCheck, Severity> chosenSeverities = new EnumMap<>(ReplyCheck.class);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (ReplyCheck check : ReplyCheck.values()) {
            String value = form.get("severity." + check.code());
            try {
                chosenSeverities.put(check, value == null ? Severity.WARN : Coded.fromCode(Severity.class, value));
            } catch (IllegalArgumentException unknown) {
                errors.add(new InvalidInput.FieldError("severity." + check.code(), "invalid.invalid"));
            }
        }
        if (!errors.isEmpty()) {
            // nothing is saved; the page shows what was sent, and the rows it could not read
            model.addAttribute("errors", problems.firstByField(new InvalidInput(errors), locale));
            model.addAttribute("rows", rows(check -> form.getOrDefault("severity." + check.code(), "")));
            return page(game, me, model);
        }
        severities.setAll(chosen.id(), chosenSeverities);
        redirect.addFlashAttribute("notice", "quality.checks.saved");
        return "redirect:/console/quality/checks?game=" + chosen.code();
    }

    private static List<CheckRow> rows(java.util.function.Function<ReplyCheck, String> severity) {
        return java.util.Arrays.stream(ReplyCheck.values()).map(check -> new CheckRow(check.code(), severity.apply(check)))
                .toList();
    }

    private List<GameInfo> served(StaffUser me) {
        return me.gameScope() == null ? games.all() : games.all(me.gameScope());
    }

    /** The game of this code, or the first one served when no code is given. */
    private GameInfo chosen(String code, StaffUser me) {
        if (code == null || code.isBlank()) {
            return served(me).stream().findFirst().orElseThrow(() -> new NotFoundException("game", "served"));
        }
        GameInfo game = games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
        if (me.gameScope() != null && !me.serves(game.id())) {
            throw new NotFoundException("game", code);
        }
        return game;
    }
}

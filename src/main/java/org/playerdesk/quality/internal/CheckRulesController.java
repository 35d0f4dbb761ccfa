package org.playerdesk.quality.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Severity;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.TicketChannel;
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
 * with what it does to a reply (off, warn, block), the words the checks look for in each language
 * (one per line) and each channel's length limit. A game one does not serve is answered as absent.
 */
@Controller
@RequestMapping("/console/quality/checks")
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class CheckRulesController {

    /** One check as the page shows it: its code (for the field's name) and its severity. */
    record CheckRow(String code, String severity) {
    }

    /** The words of one language and kind as the page edits them: one per line. */
    record WordsField(String language, String kind, String text) {

        public String name() {
            return "words." + language + "." + kind;
        }
    }

    /** A channel's length limit as the page edits it. */
    record LimitField(String channel, String value) {

        public String name() {
            return "limit." + channel;
        }
    }

    static final int WORD_MAX = 40;
    static final int WORDS_MAX = 100;
    static final int LIMIT_MAX = 20_000;

    private final QualityGames choices;
    private final CheckSettings settings;
    private final ErrorTexts problems;

    CheckRulesController(QualityGames choices, CheckSettings settings, ErrorTexts problems) {
        this.choices = choices;
        this.settings = settings;
        this.problems = problems;
    }

    @GetMapping
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = choices.chosen(game, me);
        model.addAttribute("games", choices.choices(me));
        model.addAttribute("game", chosen);
        if (!model.containsAttribute("rows")) {
            CheckRules rules = settings.rules(chosen.id());
            model.addAttribute("rows", rows(check -> rules.severity(check).code()));
            model.addAttribute("words", words(field -> String.join("\n",
                    rules.words(field.language()).of(kindOf(field.kind())))));
            model.addAttribute("limits", limits(channel -> String.valueOf(rules.lengthLimit(channel))));
        }
        model.addAttribute("choices", List.of(Severity.values()));
        return "quality/checks";
    }

    @PostMapping
    String save(@RequestParam String game, @RequestParam Map<String, String> form, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect) {
        GameInfo chosen = choices.chosen(game, me);
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
        Map<String, Map<CheckRules.Kind, List<String>>> chosenWords = new java.util.LinkedHashMap<>();
        for (WordsField field : words(f -> "")) {
            String text = form.get(field.name());
            if (text == null) {
                continue;
            }
            List<String> list = CheckSettings.lines(text);
            if (list.isEmpty() && !field.kind().equals(CheckRules.Kind.VAGUE.code())) {
                // a reply could never greet or close: the check is turned off by its severity instead
                errors.add(new InvalidInput.FieldError(field.name(), "invalid.required"));
            } else if (list.size() > WORDS_MAX) {
                errors.add(new InvalidInput.FieldError(field.name(), "invalid.tooMany", WORDS_MAX));
            } else if (list.stream().anyMatch(word -> word.length() > WORD_MAX)) {
                errors.add(new InvalidInput.FieldError(field.name(), "invalid.tooLong", WORD_MAX));
            } else if (list.stream().anyMatch(word -> word.chars().anyMatch(Character::isISOControl))) {
                errors.add(new InvalidInput.FieldError(field.name(), "invalid.control"));
            } else {
                chosenWords.computeIfAbsent(field.language(), l -> new EnumMap<>(CheckRules.Kind.class))
                        .put(kindOf(field.kind()), list);
            }
        }
        Map<String, Integer> chosenLimits = new java.util.LinkedHashMap<>();
        for (LimitField field : limits(c -> "")) {
            String value = form.get(field.name());
            if (value == null) {
                continue;
            }
            try {
                int max = value.isBlank() ? 0 : Integer.parseInt(value.strip());
                if (max < 0 || max > LIMIT_MAX) {
                    errors.add(new InvalidInput.FieldError(field.name(), "invalid.range", 0, LIMIT_MAX));
                } else {
                    chosenLimits.put(field.channel(), max);
                }
            } catch (NumberFormatException notNumber) {
                errors.add(new InvalidInput.FieldError(field.name(), "invalid.wholeNumber"));
            }
        }
        if (!errors.isEmpty()) {
            // nothing is saved; the page shows what was sent, and the fields it could not read
            model.addAttribute("errors", problems.firstByField(new InvalidInput(errors), locale));
            model.addAttribute("rows", rows(check -> form.getOrDefault("severity." + check.code(), "")));
            model.addAttribute("words", words(field -> form.getOrDefault(field.name(), "")));
            model.addAttribute("limits", limits(channel -> form.getOrDefault("limit." + channel, "")));
            return page(game, me, model);
        }
        settings.save(chosen.id(), chosenSeverities, chosenWords, chosenLimits);
        redirect.addFlashAttribute("notice", "quality.checks.saved");
        return "redirect:/console/quality/checks?game=" + chosen.code();
    }

    private static List<CheckRow> rows(java.util.function.Function<ReplyCheck, String> severity) {
        return java.util.Arrays.stream(ReplyCheck.values()).map(check -> new CheckRow(check.code(), severity.apply(check)))
                .toList();
    }

    private static List<WordsField> words(java.util.function.Function<WordsField, String> text) {
        List<WordsField> fields = new ArrayList<>();
        for (String language : CheckRules.LANGUAGES) {
            for (CheckRules.Kind kind : CheckRules.Kind.values()) {
                WordsField field = new WordsField(language, kind.code(), "");
                fields.add(new WordsField(language, kind.code(), text.apply(field)));
            }
        }
        return fields;
    }

    private static List<LimitField> limits(java.util.function.Function<String, String> value) {
        return java.util.Arrays.stream(TicketChannel.values())
                .map(channel -> new LimitField(channel.code(), value.apply(channel.code()))).toList();
    }

    private static CheckRules.Kind kindOf(String code) {
        return CheckRules.Kind.valueOf(code.toUpperCase(Locale.ROOT));
    }

}

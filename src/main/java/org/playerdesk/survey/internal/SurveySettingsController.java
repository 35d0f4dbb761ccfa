package org.playerdesk.survey.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hibernate.validator.constraints.Range;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A game's survey settings, for administrators ({@code /console/quality/surveys}): which channels
 * ask, the delay after the resolution, how many days a survey stays open, the question in Chinese
 * and English, the score that opens a follow-up, and the reasons offered. A bad value is refused
 * field by field and nothing is saved. A game one does not serve is answered as absent.
 */
@Controller
@RequestMapping("/console/quality/surveys")
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class SurveySettingsController {

    /** The form as sent: numbers as text, so that "abc" is named as the field it was typed in. */
    record Form(List<String> channels, String delayMinutes, String validDays,
            @NotBlank(message = "{invalid.blank}") @Size(max = SurveySettings.QUESTION_MAX, message = "{invalid.tooLong}")
            @SingleLine String questionZh,
            @NotBlank(message = "{invalid.blank}") @Size(max = SurveySettings.QUESTION_MAX, message = "{invalid.tooLong}")
            @SingleLine String questionEn,
            String lowScore, List<String> reasons) {

        static Form of(SurveySettings settings) {
            return new Form(settings.channels().stream().map(SurveyChannel::code).toList(),
                    String.valueOf(settings.delayMinutes()), String.valueOf(settings.validDays()), settings.questionZh(),
                    settings.questionEn(), String.valueOf(settings.lowScore()),
                    settings.reasons().stream().map(ReasonCode::code).toList());
        }
    }

    /** The numbers of the form, once read, with their ranges. */
    record Numbers(
            @Range(min = 0, max = SurveySettings.DELAY_MAX, message = "{invalid.range.between}") Integer delayMinutes,
            @Range(min = 1, max = SurveySettings.VALID_DAYS_MAX, message = "{invalid.range.between}") Integer validDays,
            @Range(min = 1, max = 4, message = "{invalid.range.between}") Integer lowScore) {
    }

    /** A game to choose. */
    record GameChoice(String code, String name) {
    }

    private final GameCatalog games;
    private final SurveySettingsStore settings;
    private final InputValidation validation;
    private final ErrorTexts problems;

    SurveySettingsController(GameCatalog games, SurveySettingsStore settings, InputValidation validation,
            ErrorTexts problems) {
        this.games = games;
        this.settings = settings;
        this.validation = validation;
        this.problems = problems;
    }

    @GetMapping
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        model.addAttribute("games", games.servedBy(me.gameScope()).stream().map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("game", chosen);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.of(settings.of(chosen.id())));
            model.addAttribute("errors", java.util.Map.of());
        }
        model.addAttribute("channelChoices", List.of(SurveyChannel.values()));
        model.addAttribute("reasonChoices", List.of(ReasonCode.values()));
        return "survey/settings";
    }

    @PostMapping
    String save(@RequestParam String game, @RequestParam(required = false) List<String> channels,
            @RequestParam(defaultValue = "") String delayMinutes, @RequestParam(defaultValue = "") String validDays,
            @RequestParam(defaultValue = "") String questionZh, @RequestParam(defaultValue = "") String questionEn,
            @RequestParam(defaultValue = "") String lowScore, @RequestParam(required = false) List<String> reasons,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        Form form = new Form(channels == null ? List.of() : channels, delayMinutes, validDays, questionZh.strip(),
                questionEn.strip(), lowScore, reasons == null ? List.of() : reasons);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        Integer delay = whole("delayMinutes", delayMinutes, errors);
        Integer days = whole("validDays", validDays, errors);
        Integer low = whole("lowScore", lowScore, errors);
        errors.addAll(validation.errors(new Numbers(delay, days, low)));
        Set<SurveyChannel> asking = codes("channels", form.channels(), SurveyChannel.class, errors);
        Set<ReasonCode> offered = codes("reasons", form.reasons(), ReasonCode.class, errors);
        if (!errors.isEmpty()) {
            // nothing is saved; the page shows what was sent, each bad field with what is wrong
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.firstByField(
                    new InvalidInput(InputValidation.inDeclaredOrder(Form.class, errors)), locale));
            return page(game, me, model);
        }
        settings.save(chosen.id(), new SurveySettings(asking, delay, days, form.questionZh(), form.questionEn(), low,
                Arrays.stream(ReasonCode.values()).filter(offered::contains).toList()));
        redirect.addFlashAttribute("notice", "survey.settings.saved");
        return "redirect:/console/quality/surveys?game=" + chosen.code();
    }

    /** A whole number, or null with the field's error when it is none; blank is null too. */
    private static Integer whole(String field, String text, List<InvalidInput.FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "invalid.blank"));
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            errors.add(new InvalidInput.FieldError(field, "invalid.wholeNumber"));
            return null;
        }
    }

    private static <E extends Enum<E> & Coded> Set<E> codes(String field, List<String> codes, Class<E> type,
            List<InvalidInput.FieldError> errors) {
        Set<E> read = EnumSet.noneOf(type);
        for (String code : codes) {
            try {
                read.add(Coded.fromCode(type, code));
            } catch (IllegalArgumentException unknown) {
                errors.add(new InvalidInput.FieldError(field, "invalid.oneOf",
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Coded::code).toList())));
                break;
            }
        }
        return read;
    }
}

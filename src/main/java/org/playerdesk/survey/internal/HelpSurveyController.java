package org.playerdesk.survey.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.survey.SurveyInvite;
import org.playerdesk.survey.SurveyRefused;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The survey page of the help center ({@code /help/{game}/survey/{token}}), where the survey form of
 * the private ticket page posts and where an email's link leads. A link that PlayerDesk did not
 * sign is answered 403, one past its time 410, a survey answered already 409, each with the reason
 * in the player's language; bad input 400 with the form again, field by field. Nothing is counted
 * for any of them. Never logs a link: it carries the survey's signature.
 */
@Controller
class HelpSurveyController {

    private final Invitations invitations;
    private final Answering answering;
    private final GameCatalog games;
    private final ErrorTexts errorTexts;
    private final MessageSource messages;

    HelpSurveyController(Invitations invitations, Answering answering, GameCatalog games, ErrorTexts errorTexts,
            MessageSource messages) {
        this.invitations = invitations;
        this.answering = answering;
        this.games = games;
        this.errorTexts = errorTexts;
        this.messages = messages;
    }

    /** What the form sent back, shown again after a refusal. */
    record Sent(Integer score, String comment, List<String> reasons) {
    }

    @GetMapping("/help/{game}/survey/{token}")
    String page(@PathVariable String game, @PathVariable String token, Model model, Locale locale,
            HttpServletResponse response) {
        GameInfo info = game(game);
        try {
            mustBeOf(info, token);
            SurveyInvite invite = invitations.inviteByToken(token, locale);
            show(model, info, invite, token, new Sent(null, null, List.of()), Map.of(), locale);
            if (invite.state() == SurveyInvite.State.EXPIRED) {
                response.setStatus(HttpStatus.GONE.value());
            }
        } catch (SurveyRefused refused) {
            return refused(model, info, refused, locale, response);
        }
        return "survey/help-page";
    }

    @PostMapping("/help/{game}/survey/{token}")
    String answer(@PathVariable String game, @PathVariable String token,
            @RequestParam(required = false) String score, @RequestParam(required = false) String comment,
            @RequestParam(required = false) List<String> reasons, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo info = game(game);
        Sent sent = new Sent(number(score), comment, reasons == null ? List.of() : reasons);
        try {
            mustBeOf(info, token);
            answering.answer(token, new Answering.Answer(sent.score(), comment, sent.reasons()));
            redirect.addFlashAttribute("thanks", true);
            return "redirect:/help/" + info.code() + "/survey/" + token;
        } catch (SurveyRefused refused) {
            return refused(model, info, refused, locale, response);
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = errorTexts.firstByField(invalid, locale);
            show(model, info, invitations.inviteByToken(token, locale), token, sent, errors, locale);
            return "survey/help-page";
        }
    }

    /** A token of another game's survey is no link of this help center. */
    private void mustBeOf(GameInfo game, String token) {
        if (!invitations.gameOf(token).map(game.id()::equals).orElse(false)) {
            throw new SurveyRefused(SurveyRefused.Reason.FORGED);
        }
    }

    private String refused(Model model, GameInfo game, SurveyRefused refused, Locale locale,
            HttpServletResponse response) {
        response.setStatus(switch (refused.reason()) {
            case FORGED -> HttpStatus.FORBIDDEN.value();
            case EXPIRED -> HttpStatus.GONE.value();
            case ANSWERED -> HttpStatus.CONFLICT.value();
            case NONE -> HttpStatus.NOT_FOUND.value();
        });
        frame(model, game, locale);
        model.addAttribute("refusal", refused.reason().code());
        model.addAttribute("refusedText", errorTexts.text(refused, locale));
        return "survey/help-refused";
    }

    private void show(Model model, GameInfo game, SurveyInvite invite, String token, Sent sent,
            Map<String, String> errors, Locale locale) {
        frame(model, game, locale);
        model.addAttribute("survey", invite);
        model.addAttribute("action", "/help/" + game.code() + "/survey/" + token);
        model.addAttribute("sent", sent);
        model.addAttribute("errors", errors);
    }

    private void frame(Model model, GameInfo game, Locale locale) {
        model.addAttribute("game", game);
        model.addAttribute("helpTitle", messages.getMessage("help.center.title", new Object[] { game.name() }, locale));
        model.addAttribute("helpHome", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/help/" + game.code()).build().getPath());
    }

    private GameInfo game(String code) {
        return games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return 0; // out of range: refused as such
        }
    }
}

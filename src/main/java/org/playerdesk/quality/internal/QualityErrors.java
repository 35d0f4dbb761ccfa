package org.playerdesk.quality.internal;

import java.util.Locale;

import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of the quality pages: an unknown review, ticket or game is a console 404 page; a refused
 * form (a dispute without a reason, a review of one's own conversation) goes back to the page it
 * came from, which says why in the reader's language. Only for these pages' own controllers.
 */
@ControllerAdvice(assignableTypes = { QualityDeskController.class, CheckRulesController.class })
class QualityErrors {

    private final ErrorTexts texts;

    QualityErrors(ErrorTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    @ExceptionHandler({ InvalidInput.class, RuleViolation.class })
    String refused(RuntimeException refused, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", texts.describe(refused, locale));
        return "redirect:" + back(request);
    }

    /** The page the form was on, when it was one of this site's quality pages; else the desk. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            String path = referer.replaceFirst("^https?://[^/]+", "");
            if (path.startsWith("/console/quality") && !path.contains("//") && !path.contains("\\")) {
                return path;
            }
        }
        return "/console/quality";
    }
}

package org.playerdesk.access.web;

import java.util.Locale;
import java.util.Map;

import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the administration pages: an unknown key or account is a console 404 page, and the
 * directory's field errors are shown beside their fields in the reader's language.
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

    private final ErrorTexts texts;

    AdminErrors(ErrorTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    /** {@code admin.error.<form>.<field>[.taken]} for each bad field, in the reader's language. */
    Map<String, String> texts(String form, InvalidInput invalid, Locale locale) {
        return texts.firstByField(invalid, "admin.error." + form + ".", locale);
    }

}

package org.playerdesk.access.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the administration pages: an unknown key or account is a console 404 page, and the
 * directory's field errors (worded in English for the API) get the bundle's words, one key per
 * form field and kind of mistake.
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

    private final MessageSource messages;

    AdminErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    /** {@code admin.error.<form>.<field>[.taken]} for each bad field, in the reader's language. */
    Map<String, String> texts(String form, InvalidInput invalid, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            String key = "admin.error." + form + "." + error.field() + (error.message().contains("taken") ? ".taken" : "");
            byField.putIfAbsent(error.field(), messages.getMessage(key, null, error.message(), locale));
        }
        return byField;
    }


}

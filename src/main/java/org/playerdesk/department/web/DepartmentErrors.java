package org.playerdesk.department.web;

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
 * Errors of the department pages: an unknown department, question or ticket is a console 404
 * page; field errors get the bundle's words ({@code department.error.<field>}). Only for these
 * pages' own controllers: an advice's selectors add up, so a package and an annotation would
 * reach every controller of the site.
 */
@ControllerAdvice(assignableTypes = { DepartmentAdminController.class, DepartmentInboxController.class,
        TransferController.class })
class DepartmentErrors {

    private final MessageSource messages;

    DepartmentErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    /** Each bad field's message in the reader's language, the English words when the bundle has none. */
    Map<String, String> texts(InvalidInput invalid, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            String key = "department.error." + error.field() + (error.message().contains("taken") ? ".taken" : "");
            byField.putIfAbsent(error.field(), messages.getMessage(key, null, error.message(), locale));
        }
        return byField;
    }
}

package org.playerdesk.department.web;

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
 * Errors of the department pages: an unknown department, question or ticket is a console 404
 * page; field errors get the bundle's words ({@code department.error.<field>}). Only for these
 * pages' own controllers: an advice's selectors add up, so a package and an annotation would
 * reach every controller of the site.
 */
@ControllerAdvice(assignableTypes = { DepartmentAdminController.class, DepartmentInboxController.class,
        TransferController.class })
class DepartmentErrors {

    private final ErrorTexts texts;

    DepartmentErrors(ErrorTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    /** {@code department.error.<field>[.taken]} for each bad field, in the reader's language. */
    Map<String, String> texts(InvalidInput invalid, Locale locale) {
        return texts.firstByField(invalid, "department.error.", locale);
    }
}

package org.playerdesk.training.internal;

import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A course, exam or attempt that does not exist, or that one may not see, is the console's 404
 * page on the training pages, as if it did not exist.
 */
@ControllerAdvice(basePackageClasses = TrainingErrors.class)
class TrainingErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}

package org.playerdesk.knowledge.internal;

import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The knowledge console's errors as console pages: an article id that is not even an id is as
 * absent as an article of a game one does not serve. (The help center's pages answer their own.)
 */
@ControllerAdvice(assignableTypes = {ArticleConsoleController.class, ReplyKitController.class})
class KnowledgeConsoleErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}

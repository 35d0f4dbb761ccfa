package org.playerdesk.insight.export;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The console's error page for an export refused, with what was wrong when there are words for it. */
final class ExportErrors {

    private ExportErrors() {
    }

    static ModelAndView page(HttpStatus status, String problem) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        if (problem != null) {
            page.addObject("problem", problem);
        }
        return page;
    }
}

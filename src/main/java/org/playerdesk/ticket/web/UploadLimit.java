package org.playerdesk.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A reply or note whose files are over the upload limit is refused before any controller runs;
 * the agent is sent back to the ticket with the reason instead of an error page. The forms also
 * carry the CSRF token in their URL, so that such a request reaches this point at all.
 */
@Component
class UploadLimit implements HandlerExceptionResolver, Ordered {

    private static final Pattern MESSAGE_FORM = Pattern.compile("/console/tickets/([0-9a-fA-F-]{36})/(reply|note)");

    private final ProblemTexts problems;

    UploadLimit(ProblemTexts problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!(exception instanceof MaxUploadSizeExceededException)) {
            return null;
        }
        Matcher form = MESSAGE_FORM.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!form.matches()) {
            return null;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("errors", Map.of("files", List.of(problems.tooLarge(RequestContextUtils.getLocale(request)))));
        flash.put("failedForm", form.group(2));
        return new ModelAndView("redirect:/console/tickets/" + form.group(1));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

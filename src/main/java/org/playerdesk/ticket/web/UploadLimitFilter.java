package org.playerdesk.ticket.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A reply or note whose files are over the upload limit cannot even be read: the server refuses
 * the whole form, CSRF token included, and would answer with a bare error. This filter reads such
 * a form first and sends the agent back to the ticket with the reason instead. It changes
 * nothing, so it may run before the CSRF check; the real request still passes that check.
 */
@Component
@Order(-101) // just before Spring Security (-100), whose CSRF check reads the form
class UploadLimitFilter extends OncePerRequestFilter {

    private static final Pattern MESSAGE_FORM = Pattern.compile("/console/tickets/([0-9a-fA-F-]{36})/(reply|note)");

    private final ErrorTexts problems;
    private final PlayerDeskProperties properties;
    private final LocaleResolver locales;
    private final FlashMapManager flashes;

    UploadLimitFilter(ErrorTexts problems, PlayerDeskProperties properties, LocaleResolver locales,
            FlashMapManager flashes) {
        this.problems = problems;
        this.properties = properties;
        this.locales = locales;
        this.flashes = flashes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/")
                || !MESSAGE_FORM.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (RuntimeException | IOException | ServletException e) {
            if (!overLimit(e)) {
                throw e;
            }
            Matcher form = MESSAGE_FORM.matcher(path(request));
            form.matches();
            String ticketPage = "/console/tickets/" + form.group(1);
            FlashMap flash = new FlashMap();
            flash.put("errors", Map.of("files", List.of(TicketActionsController.tooLarge(problems, properties, locales.resolveLocale(request)))));
            flash.put("failedForm", form.group(2));
            flash.setTargetRequestPath(request.getContextPath() + ticketPage);
            flashes.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + ticketPage);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean overLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().endsWith("LimitExceededException")
                    || cause.getClass().getSimpleName().equals("SizeException")) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}

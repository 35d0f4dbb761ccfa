package org.playerdesk.system.database;

import java.io.IOException;
import java.time.Duration;

import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.files.FilesUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns a database outage met outside the API's controllers (checking an API key, a console or
 * help-center page) into 503 with Retry-After: problem details under {@code /api/}, the error page
 * elsewhere. Without it such a request would end as 500. A file store that cannot be reached (an
 * attachment asked for while object storage is down) is answered the same way. A conflict with a
 * concurrent writer is not an outage: it is answered 409, "changed meanwhile".
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final Duration retryAfter;
    private final ProblemResponses problems;

    public DatabaseUnavailableFilter(Duration retryAfter, ProblemResponses problems) {
        this.retryAfter = retryAfter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (DatabaseUnavailable.conflict(e) && !response.isCommitted()) {
                changedMeanwhile(request, response, e);
                return;
            }
            boolean files = FilesUnavailable.causedBy(e);
            if (!(files || DatabaseUnavailable.causedBy(e)) || response.isCommitted()) {
                throw e;
            }
            log.warn("Request {} not served, the {} is unavailable: {}", request.getRequestURI(),
                    files ? "file store" : "database", DatabaseUnavailable.rootMessage(e));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterHeader(retryAfter));
            if (isApi(request)) {
                if (files) {
                    problems.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, "files-unavailable",
                            DatabaseUnavailable.TITLE, FilesUnavailable.KEY);
                } else {
                    problems.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TYPE,
                            DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL,
                            DatabaseUnavailable.retryAfterHeader(retryAfter));
                }
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }

    /** A concurrent writer won: 409, nothing of the request was stored, and it may be sent again. */
    private void changedMeanwhile(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        log.info("Request {} not served, a concurrent change won: {}", request.getRequestURI(),
                DatabaseUnavailable.rootMessage(e));
        response.resetBuffer();
        if (isApi(request)) {
            problems.send(request, response, HttpStatus.CONFLICT, DatabaseUnavailable.CONFLICT_TYPE,
                    DatabaseUnavailable.CONFLICT_TITLE, DatabaseUnavailable.CONFLICT_DETAIL);
        } else {
            response.sendError(HttpStatus.CONFLICT.value());
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}

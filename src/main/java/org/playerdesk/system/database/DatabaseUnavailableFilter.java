package org.playerdesk.system.database;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.playerdesk.system.errors.ProblemDetailsAdvice;
import org.playerdesk.system.files.FilesUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a database outage met outside the API's controllers (checking an API key, a console or
 * help-center page) into 503 with Retry-After: problem details under {@code /api/}, the error page
 * elsewhere. Without it such a request would end as 500. A file store that cannot be reached (an
 * attachment asked for while object storage is down) is answered the same way.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final Duration retryAfter;
    private final JsonMapper json;

    public DatabaseUnavailableFilter(Duration retryAfter, JsonMapper json) {
        this.retryAfter = retryAfter;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            boolean files = FilesUnavailable.causedBy(e);
            if (!(files || DatabaseUnavailable.causedBy(e)) || response.isCommitted()) {
                throw e;
            }
            log.warn("Request {} not served, the {} is unavailable: {}", request.getRequestURI(),
                    files ? "file store" : "database", DatabaseUnavailable.rootMessage(e));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterHeader(retryAfter));
            if (isApi(request)) {
                ProblemDetail problem = files
                        ? ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "files-unavailable",
                                "Service unavailable", "the file store cannot be reached just now; send the request "
                                        + "again in " + DatabaseUnavailable.retryAfterHeader(retryAfter) + " s")
                        : DatabaseUnavailable.problem(retryAfter);
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", problem.getType().toString());
                body.put("title", problem.getTitle());
                body.put("status", problem.getStatus());
                body.put("detail", problem.getDetail());
                body.put("instance", request.getRequestURI());
                response.getWriter().write(json.writeValueAsString(body));
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}

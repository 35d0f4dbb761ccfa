package org.playerdesk.system.errors;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.system.locale.Locales;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details answered before a controller is reached: by a filter (an API key missing or
 * over its limit, a body too large, the database down) or for a path no controller serves. Their
 * {@code detail} is a message of the bundles in the caller's language, as the advice's are.
 */
@Component
public class ProblemResponses {

    private final ErrorTexts texts;
    private final LocaleResolver locales;
    private final JsonMapper json;

    public ProblemResponses(ErrorTexts texts, LocaleResolver locales, JsonMapper json) {
        this.texts = texts;
        this.locales = locales;
        this.json = json;
    }

    /** The language of the request's caller, as the locale resolver reads it (Accept-Language, or the console's choice). */
    public Locale locale(HttpServletRequest request) {
        return Locales.supported(locales.resolveLocale(request).toLanguageTag());
    }

    /** A problem whose detail is the message {@code key} with {@code arguments}, in the caller's language. */
    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String type, String title, String key,
            Object... arguments) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, type, title,
                texts.message(key, locale(request), arguments));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /** Writes the problem as the answer, with its status; headers set before stay. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** {@link #problem} then {@link #write}. */
    public void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String key, Object... arguments) throws IOException {
        write(response, problem(request, status, type, title, key, arguments));
    }
}

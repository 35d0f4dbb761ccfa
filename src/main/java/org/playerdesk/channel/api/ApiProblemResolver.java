package org.playerdesk.channel.api;

import java.io.IOException;
import java.util.List;

import org.playerdesk.system.errors.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers with problem details when a request to a JSON API reaches no controller: an unknown path
 * (404), a method the path does not have (405), a body that is not JSON (415), an Accept it cannot
 * serve (406). The problem-details advice only sees requests a controller took; without this a
 * game server (or a department's system, or the chat widget) would get an error page, or the
 * container's own JSON, which the API document does not describe.
 */
class ApiProblemResolver implements HandlerExceptionResolver, Ordered {

    /**
     * The JSON APIs of the API document (docs/api.md), and the webhooks other systems call: the CTI
     * events (docs/phone.md), inbound mail (docs/email.md), social platforms (docs/social.md) and the
     * SMS gateway's receipts (docs/campaigns.md).
     */
    static final List<String> JSON_APIS = List.of("/api/v1", "/api/v1/**", "/department-answers/**", "/chat/api/**",
            "/help/*/articles/suggestions", "/cti/**", "/mail/inbound/**", "/social/hooks/**", "/outreach/sms/**");

    private final ProblemResponses problems;
    private final AntPathMatcher paths = new AntPathMatcher();

    ApiProblemResolver(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!isJsonApi(request) || handler instanceof HandlerMethod || !(exception instanceof ErrorResponse error)
                || response.isCommitted()) {
            return null;
        }
        HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
        String slug = slug(status);
        ProblemDetail problem = problems.problem(request, status, slug, status.getReasonPhrase(), "problem.api." + slug,
                request.getMethod());
        try {
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            problems.write(response, problem);
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        // before Spring MVC's own resolvers, which would send the container's error page
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    private boolean isJsonApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return JSON_APIS.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "bad-request";
        };
    }
}

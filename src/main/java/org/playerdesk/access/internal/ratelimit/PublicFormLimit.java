package org.playerdesk.access.internal.ratelimit;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits the forms anyone may post, per client address, before anything reads them (not even a
 * multipart body or the CSRF token): help-center posts, and sign-in once an address has failed
 * too often. The refusal is {@code 429} with {@code Retry-After}; the site's error page for
 * that status explains it in the visitor's language.
 * <p>
 * The client address is the connection's remote address. Behind a reverse proxy it is the
 * proxy's, unless {@code server.forward-headers-strategy} tells the server to trust
 * {@code X-Forwarded-For}; a client cannot pick its own address otherwise.
 */
public final class PublicFormLimit extends OncePerRequestFilter {

    static final String SIGN_IN = "/login";
    private static final String HELP = "/help/";

    private final RateLimits limits;

    public PublicFormLimit(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            TokenBuckets.Admission admission = TokenBuckets.Admission.ADMITTED;
            if (path.startsWith(HELP)) {
                admission = limits.help().take(request.getRemoteAddr());
            } else if (path.equals(SIGN_IN)) {
                admission = limits.login().check(request.getRemoteAddr());
            }
            if (!admission.admitted()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

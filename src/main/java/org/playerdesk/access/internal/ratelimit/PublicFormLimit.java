package org.playerdesk.access.internal.ratelimit;

import java.io.IOException;
import java.util.regex.Pattern;

import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.ratelimit.RateLimiter;
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
 * too often (or its account has, see {@link SignInLimits}); and the help center's article suggestions
 * ({@code GET /help/{game}/articles/suggestions}, asked while a player types); and live chats started
 * from a game's widget ({@code POST /chat/api/{game}/chats}), each of which may become a ticket. The
 * refusal is {@code 429} with {@code Retry-After}; the site's error page for
 * that status explains it in the visitor's language.
 * <p>
 * The client address is the connection's remote address. Behind a reverse proxy it is the
 * proxy's, unless {@code server.forward-headers-strategy} tells the server to trust
 * {@code X-Forwarded-For}; a client cannot pick its own address otherwise.
 */
public final class PublicFormLimit extends OncePerRequestFilter {

    static final String SIGN_IN = "/login";
    private static final String HELP = "/help/";
    private static final String SUGGESTIONS = "/articles/suggestions";
    private static final Pattern CHAT_START = Pattern.compile("/chat/api/[^/]+/chats/?");

    private final RateLimits limits;
    private final SignInLimits signIns;
    private final ProblemResponses problems;

    public PublicFormLimit(RateLimits limits, SignInLimits signIns, ProblemResponses problems) {
        this.limits = limits;
        this.signIns = signIns;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RateLimiter.Admission admission = RateLimiter.Admission.ADMITTED;
        boolean chatStart = false;
        if ("POST".equals(request.getMethod())) {
            if (CHAT_START.matcher(path).matches()) {
                chatStart = true;
                admission = limits.chat().take(request.getRemoteAddr());
            } else if (path.startsWith(HELP)) {
                admission = limits.help().take(request.getRemoteAddr());
            } else if (path.equals(SIGN_IN)) {
                admission = signIns.admit(request);
            }
        } else if ("GET".equals(request.getMethod()) && path.startsWith(HELP) && path.endsWith(SUGGESTIONS)) {
            admission = limits.suggest().take(request.getRemoteAddr());
        }
        if (refused(admission, request, response, chatStart || path.endsWith(SUGGESTIONS))) {
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Answers {@code 429} with {@code Retry-After} when the request is not admitted: the site's error
     * page for a page, problem details for the suggestions and the chat, which a script reads as JSON.
     */
    private boolean refused(RateLimiter.Admission admission, HttpServletRequest request, HttpServletResponse response,
            boolean json) throws IOException {
        if (admission.admitted()) {
            return false;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
        if (json) {
            problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                    "problem.addressRateLimited");
            return true;
        }
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        return true;
    }
}
